import { answeredOverHttp, expectedGot } from '../protocol.mjs';
import { answerOf } from './callback.mjs';

/**
 * What is wrong with a reply under Gensee's protocol, if anything: every authenticated request
 * gets its interface's own answer, an empty 200 for server callbacks, a page for the roll-call and
 * end pages, the JSON list for co-browse.
 */
export const protocolViolation = answeredOverHttp((request, reply) => {
	if (request.expect === 'n8nRefuses') return undefined;
	if (request.expect === 'unauthenticated')
		return reply.status === 403 ? undefined : expectedGot('403', reply);
	if (reply.status !== 200) return expectedGot('200', reply);
	switch (answerOf(request)) {
		case 'empty':
			return reply.text === ''
				? undefined
				: `a server callback gets an empty 200, got ${JSON.stringify(reply.text.slice(0, 80))}`;
		case 'page':
			return reply.contentType?.startsWith('text/html') === true &&
				reply.text.includes('<html') &&
				!reply.text.includes('<script>alert')
				? undefined
				: `a browser page must be escaped HTML, got ${reply.contentType} ${JSON.stringify(reply.text.slice(0, 120))}`;
		case 'json':
			try {
				JSON.parse(reply.text);
				return reply.contentType?.startsWith('application/json') === true
					? undefined
					: `co-browse JSON with content type ${reply.contentType}`;
			} catch {
				return `co-browse must answer JSON, got ${JSON.stringify(reply.text.slice(0, 80))}`;
			}
	}
});
