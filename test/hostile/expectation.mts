import type { Expectation, HostileReply, HostileRequest } from './types.mjs';

/** What a request had to cause, given n8n's reply: n8n may have refused it before the node ran. */
export function effectiveExpectation(request: HostileRequest, reply: HostileReply): Expectation {
	if (request.n8nMayRefuse && reply.status === request.n8nMayRefuse.status) return 'n8nRefuses';
	if (request.n8nMayHang !== undefined && reply.networkError !== undefined) return 'n8nRefuses';
	return request.expect;
}

/** The status and reason of n8n's own refusal of this request, when it was refused. */
export function n8nRefusalOf(
	request: HostileRequest,
	reply: HostileReply,
): { status: number; reason: string } | undefined {
	if (effectiveExpectation(request, reply) !== 'n8nRefuses') return undefined;
	if (request.n8nMayHang !== undefined && reply.networkError !== undefined) return { status: 0, reason: request.n8nMayHang };
	return request.n8nRefusal ?? request.n8nMayRefuse;
}

export function startsExecution(expectation: Expectation): boolean {
	return expectation === 'execution' || expectation === 'flagged';
}
