/**
 * What the Gensee corpus's parts share: the token, the one webhook every interface calls, the
 * text and XML content types it is sent with (UTF-8 declared), the sample Q&A document, and a builder that also notes what each request's interface
 * answers.
 */
import { GENSEE_QA_XML } from '../../../support/samples/gensee.mjs';
import { createCorpusBuilder, type CorpusBuilder, type RequestOptions } from '../builder.mjs';
import type { HostileRequest } from '../types.mjs';

export const TOKEN = 'gsHostileToken7d3b9e1f5a2c';
export const HOOK = 'gs-hostile/gensee';
export const TEXT_TYPE = 'text/plain; charset=utf-8';
export const XML_TYPE = 'text/xml; charset=utf-8';

/** The sample Q&A document with the marker as the first question's text. */
export function qaXml(marker: string, extra = ''): string {
	return GENSEE_QA_XML.replace('老师，第三章的作业什么时候交？', `${marker} 老师？${extra}`);
}

/** What the interface answers: an empty 200 for server callbacks, a page, or the co-browse list. */
export type Answer = 'empty' | 'page' | 'json';

export interface GenseeRequestOptions extends RequestOptions {
	answer?: Answer;
}

export type GenseeBuilder = CorpusBuilder<GenseeRequestOptions>;

const answers = new WeakMap<HostileRequest, Answer>();

export function answerOf(request: HostileRequest): Answer {
	return answers.get(request) ?? 'empty';
}

/** Gensee callbacks are GETs by default, with the right token on the URL. */
export function createGenseeBuilder(): GenseeBuilder {
	const builder = createCorpusBuilder('gensee', { webhook: HOOK, method: 'GET', token: TOKEN });
	return {
		...builder,
		add(category, name, { answer, ...options }) {
			const request = builder.add(category, name, options);
			if (answer) answers.set(request, answer);
			return request;
		},
	};
}
