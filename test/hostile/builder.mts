/**
 * How every platform's corpus is written: each part adds its requests through one builder, in a
 * fixed order, which fixes every request's label and marker.
 */
import { markerFactory } from './markers.mjs';
import type { Expectation, HostileRequest } from './types.mjs';

export interface RequestOptions {
	body?: string | Buffer;
	contentType?: string;
	headers?: Record<string, string>;
	expect: Expectation;
	marker: string;
	/** Defaults to the platform's main webhook. */
	webhook?: string;
	method?: HostileRequest['method'];
	query?: Record<string, string>;
	/** For platforms that carry their token on the URL: another token, or null for none. */
	token?: string | null;
	n8nRefusal?: { status: number; reason: string; authenticated: boolean };
	concurrentGroup?: string;
}

/** What each part of a corpus adds its requests with; the order of `add` calls is the corpus's. */
export interface CorpusBuilder<Options extends RequestOptions = RequestOptions> {
	add(category: string, name: string, options: Options): HostileRequest;
	nextMarker(): string;
	readonly requests: HostileRequest[];
}

export interface CorpusDefaults {
	webhook: string;
	method: HostileRequest['method'];
	/** The right token, sent as `?token=` unless a request says otherwise. */
	token?: string;
}

export function createCorpusBuilder(platform: string, defaults: CorpusDefaults): CorpusBuilder {
	const nextMarker = markerFactory(platform);
	const corpus: HostileRequest[] = [];

	function add(category: string, name: string, options: RequestOptions): HostileRequest {
		const token = options.token === undefined ? defaults.token : options.token;
		const request: HostileRequest = {
			label: `${platform}/${category}/${name}#${corpus.length}`,
			category,
			webhook: options.webhook ?? defaults.webhook,
			method: options.method ?? defaults.method,
			headers: {
				...(options.contentType === undefined ? {} : { 'content-type': options.contentType }),
				...options.headers,
			},
			query: token === undefined || token === null ? options.query : { ...options.query, token },
			body: options.body,
			marker: options.marker,
			authenticated: options.n8nRefusal
				? options.n8nRefusal.authenticated
				: options.expect !== 'unauthenticated',
			expect: options.expect,
			n8nRefusal: options.n8nRefusal && {
				status: options.n8nRefusal.status,
				reason: options.n8nRefusal.reason,
			},
			concurrentGroup: options.concurrentGroup,
		};
		corpus.push(request);
		return request;
	}

	return { add, nextMarker, requests: corpus };
}

/** A corpus: a fresh builder, then each part in order. */
export function buildFromParts<Builder extends { readonly requests: HostileRequest[] }>(
	createBuilder: () => Builder,
	parts: ReadonlyArray<(builder: Builder) => void>,
): HostileRequest[] {
	const builder = createBuilder();
	for (const addPart of parts) addPart(builder);
	return builder.requests;
}
