import type { RawRequest } from '../../nodes/shared/webhook/request';

/** A JSON POST as a platform sends it, for decoding benchmarks that start from the received bytes. */
export function jsonPost(text: string): RawRequest {
	return {
		method: 'POST',
		url: '/webhook/bench',
		contentType: 'application/json',
		bytes: Buffer.from(text, 'utf8'),
	};
}
