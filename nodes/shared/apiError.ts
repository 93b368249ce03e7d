/** A failed call to a platform's API, as far as the HTTP exchange goes. */
export interface HttpFailure {
	/** 0 when no HTTP answer came back at all. */
	status: number;
}

/** "No answer from Agora", or "Agora answered HTTP 503". */
export function answerHead(platform: string, { status }: HttpFailure): string {
	return status === 0 ? `No answer from ${platform}` : `${platform} answered HTTP ${status}`;
}

/** The head, then the platform's own words when it sent any. */
export function withDetail(head: string, detail: string | undefined): string {
	return detail ? `${head}: ${detail}` : head;
}

/** A NodeApiError's message and hint for a failure, with its HTTP code when an answer came. */
export function apiErrorOptions<F extends HttpFailure>(
	failure: F,
	message: (failure: F) => string,
	hint: (failure: F) => string,
): { message: string; description: string; httpCode: string | undefined } {
	return {
		message: message(failure),
		description: hint(failure),
		httpCode: failure.status === 0 ? undefined : String(failure.status),
	};
}
