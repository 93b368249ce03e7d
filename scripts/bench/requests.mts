import type { RawRequest } from '../../nodes/shared/webhook/request';

const BENCH_URL = '/webhook/bench';

/** A POST as a platform sends it, for decoding benchmarks that start from the received bytes. */
export function post(text: string, contentType: string): RawRequest {
	return { method: 'POST', url: BENCH_URL, contentType, bytes: Buffer.from(text, 'utf8') };
}

export function jsonPost(text: string): RawRequest {
	return post(text, 'application/json');
}

/** A GET whose only content is its query string. */
export function queryGet(query: Record<string, string>): RawRequest {
	return {
		method: 'GET',
		url: `${BENCH_URL}?${new URLSearchParams(query)}`,
		bytes: Buffer.alloc(0),
	};
}

/** What a request carries: its body, or its query string when it has none. */
export function carriedBytes(raw: RawRequest): number {
	if (raw.bytes.length > 0) return raw.bytes.length;
	const start = raw.url.indexOf('?');
	return start === -1 ? 0 : Buffer.byteLength(raw.url.slice(start + 1));
}
