import { answeredOverHttp, expectedGot } from '../protocol.mjs';

const ACKNOWLEDGEMENT = 'ok';

/** What is wrong with a reply under Teachbase's protocol (200 "ok" or a 403), if anything. */
export const protocolViolation = answeredOverHttp((request, reply) => {
	switch (request.expect) {
		case 'execution':
		case 'flagged':
		case 'filtered':
		case 'duplicate':
		case 'rejected':
			return reply.status === 200 && reply.text === ACKNOWLEDGEMENT
				? undefined
				: `Teachbase needs 200 for every authenticated request, got ${reply.status} ${JSON.stringify(reply.text.slice(0, 80))}`;
		case 'unauthenticated':
			return reply.status === 403 && reply.text !== ACKNOWLEDGEMENT
				? undefined
				: expectedGot('403', reply);
		case 'n8nRefuses':
			return undefined;
	}
});
