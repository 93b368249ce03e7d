/**
 * What every platform's protocol check shares: a request that got no HTTP reply at all breaks
 * the protocol, and a wrong reply is described by its status and its first characters.
 */
import type { HostilePlatform, HostileReply, HostileRequest } from './types.mjs';

type ProtocolCheck = HostilePlatform['protocolViolation'];

/** `check`, for requests that got an HTTP reply; the others are a violation of their own. */
export function answeredOverHttp(check: ProtocolCheck): ProtocolCheck {
	return (request: HostileRequest, reply: HostileReply) =>
		reply.networkError ? `no HTTP reply: ${reply.networkError}` : check(request, reply);
}

/** `expected <what>, got <status> "<start of the reply>"`. */
export function expectedGot(expected: string, reply: HostileReply): string {
	return `expected ${expected}, got ${reply.status} ${JSON.stringify(reply.text.slice(0, 80))}`;
}
