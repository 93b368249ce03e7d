import type { ReadResult } from './pipeline';
import type { ReceivedRequest } from './request';

/** A request the platform's reader cannot take: an empty body says so, anything else gets `problem`. */
export function notRecognized(request: ReceivedRequest, problem: string): ReadResult<never> {
	return {
		recognized: false,
		problem: request.text.trim().length === 0 ? 'The request has an empty body' : problem,
	};
}
