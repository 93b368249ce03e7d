import { NodeApiError, sleep } from 'n8n-workflow';

import { isAgoraApiError } from '../transport/errors';

/** Waits before the 2nd, 3rd and 4th attempt of a call that failed for a transient reason. */
export const RETRY_DELAYS_MS = [1_000, 2_000, 4_000] as const;

/**
 * Worth another try within the same poll: rate limiting (429), Agora's own trouble (5xx), an
 * answer that was not Agora's JSON (cut off on the way), or no answer at all (timeout, reset).
 * Anything else (401 wrong certificate, 404 no such room, 400…) will not change by waiting.
 */
export function isTransientFailure(error: unknown): boolean {
	if (isAgoraApiError(error)) {
		const { status } = error.agora;
		return status === 429 || status >= 500 || status === 0 || (status >= 200 && status < 300);
	}
	return error instanceof NodeApiError;
}

/**
 * Runs `call`, trying again after 1, 2 and 4 seconds while it fails for a transient reason and
 * the retry still fits before `deadline` (epoch milliseconds). The last failure is rethrown.
 */
export async function withRetries<T>(call: () => Promise<T>, deadline: number): Promise<T> {
	let failure: unknown;
	for (let attempt = 0; ; attempt++) {
		try {
			return await call();
		} catch (error) {
			failure = error;
		}
		const delay = RETRY_DELAYS_MS[attempt];
		if (delay === undefined || !isTransientFailure(failure) || Date.now() + delay >= deadline)
			break;
		await sleep(delay);
	}
	// Already a NodeApiError (or NodeOperationError) from the transport, with Agora's status and hint.
	throw failure;
}
