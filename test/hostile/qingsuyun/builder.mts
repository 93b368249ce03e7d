import { markerFactory } from '../markers.mjs';
import type { Expectation, HostileRequest } from '../types.mjs';
import { ALL } from './callback.mjs';

export interface RequestOptions {
	body?: string | Buffer;
	contentType?: string;
	headers?: Record<string, string>;
	expect: Expectation;
	marker: string;
	/** Defaults to the every-type workflow. */
	webhook?: string;
	method?: HostileRequest['method'];
	query?: Record<string, string>;
	n8nRefusal?: { status: number; reason: string; authenticated: boolean };
	concurrentGroup?: string;
}

/** What each part of the corpus adds its requests with; the order of `add` calls is the corpus's. */
export interface CorpusBuilder {
	add(category: string, name: string, options: RequestOptions): void;
	nextMarker(): string;
	readonly requests: HostileRequest[];
}

export function createCorpusBuilder(): CorpusBuilder {
	const nextMarker = markerFactory('qingsuyun');
	const corpus: HostileRequest[] = [];

	function add(category: string, name: string, options: RequestOptions): void {
		const authenticated = options.expect !== 'unauthenticated';
		corpus.push({
			label: `qingsuyun/${category}/${name}#${corpus.length}`,
			category,
			webhook: options.webhook ?? ALL,
			method: options.method ?? 'POST',
			headers: {
				...(options.contentType === undefined ? {} : { 'content-type': options.contentType }),
				...options.headers,
			},
			query: options.query,
			body: options.body,
			marker: options.marker,
			authenticated: options.n8nRefusal ? options.n8nRefusal.authenticated : authenticated,
			expect: options.expect,
			n8nRefusal: options.n8nRefusal && {
				status: options.n8nRefusal.status,
				reason: options.n8nRefusal.reason,
			},
			concurrentGroup: options.concurrentGroup,
		});
	}

	return { add, nextMarker, requests: corpus };
}
