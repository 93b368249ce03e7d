import type { Expectation, HostileRequest } from './types.mjs';

/**
 * The status and reason of n8n's own answer to a request the node never sees. The triggers read
 * every body themselves, so that is only what the corpus says (size limit, methods), never chance.
 */
export function n8nRefusalOf(
	request: HostileRequest,
): { status: number; reason: string } | undefined {
	return request.expect === 'n8nRefuses' ? request.n8nRefusal : undefined;
}

export function startsExecution(expectation: Expectation): boolean {
	return expectation === 'execution' || expectation === 'flagged';
}
