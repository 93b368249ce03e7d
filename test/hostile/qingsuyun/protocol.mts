import type { HostileReply, HostileRequest } from '../types.mjs';

const ACKNOWLEDGEMENT = 'success';

/** What is wrong with a reply under Qingsuyun's protocol ("success" or a refusal), if anything. */
export function protocolViolation(
	request: HostileRequest,
	reply: HostileReply,
): string | undefined {
	if (reply.networkError) return `no HTTP reply: ${reply.networkError}`;
	const acknowledged = reply.status === 200 && reply.text === ACKNOWLEDGEMENT;
	switch (request.expect) {
		case 'execution':
		case 'flagged':
		case 'filtered':
		case 'duplicate':
			if (!acknowledged)
				return `expected 200 "success", got ${reply.status} ${JSON.stringify(reply.text.slice(0, 80))}`;
			if (!reply.contentType?.startsWith('text/plain'))
				return `"success" sent as ${reply.contentType}`;
			return undefined;
		case 'unauthenticated':
			return reply.status === 401 && reply.text !== ACKNOWLEDGEMENT
				? undefined
				: `expected 401, got ${reply.status} ${JSON.stringify(reply.text.slice(0, 80))}`;
		case 'rejected':
			return reply.status === 400 && reply.text !== ACKNOWLEDGEMENT
				? undefined
				: `expected 400, got ${reply.status} ${JSON.stringify(reply.text.slice(0, 80))}`;
		case 'n8nRefuses':
			// Qingsuyun retries anything but "success", which is right when n8n refused the body.
			return reply.text !== ACKNOWLEDGEMENT
				? undefined
				: `n8n's own refusal answered "success": Qingsuyun would not retry`;
	}
}
