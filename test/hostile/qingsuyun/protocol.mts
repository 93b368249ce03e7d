import { answeredOverHttp, expectedGot } from '../protocol.mjs';

const ACKNOWLEDGEMENT = 'success';

/** What is wrong with a reply under Qingsuyun's protocol ("success" or a refusal), if anything. */
export const protocolViolation = answeredOverHttp((request, reply) => {
	const acknowledged = reply.status === 200 && reply.text === ACKNOWLEDGEMENT;
	switch (request.expect) {
		case 'execution':
		case 'flagged':
		case 'filtered':
		case 'duplicate':
			if (!acknowledged) return expectedGot('200 "success"', reply);
			if (!reply.contentType?.startsWith('text/plain'))
				return `"success" sent as ${reply.contentType}`;
			return undefined;
		case 'unauthenticated':
			return reply.status === 401 && reply.text !== ACKNOWLEDGEMENT
				? undefined
				: expectedGot('401', reply);
		case 'rejected':
			return reply.status === 400 && reply.text !== ACKNOWLEDGEMENT
				? undefined
				: expectedGot('400', reply);
		case 'n8nRefuses':
			// Qingsuyun retries anything but "success", which is right when n8n refused the body.
			return reply.text !== ACKNOWLEDGEMENT
				? undefined
				: `n8n's own refusal answered "success": Qingsuyun would not retry`;
	}
});
