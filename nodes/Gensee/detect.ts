import { isGenseeInterface, VOD_ACTIONS, type GenseeInterface } from './events';
import { hasParam, param, type GenseeParams } from './params';

export interface DetectionInput {
	method: string;
	params: GenseeParams;
	rawBody: string;
}

/** Gensee's client Q&A is raw XML whatever content type it is sent with. */
export function looksLikeXml(rawBody: string): boolean {
	const text = rawBody.replace(/^\uFEFF/, '').trimStart();
	return text.startsWith('<');
}

/**
 * Tells which of the seven interfaces a request belongs to. An explicit `kind` on the URL wins;
 * otherwise the parameters each interface is documented to send decide.
 */
export function detectInterface(input: DetectionInput): GenseeInterface | undefined {
	const kind = param(input.params, 'kind');
	if (isGenseeInterface(kind)) return kind;

	const { params } = input;
	const action = param(params, 'Action');
	if (action !== undefined) return VOD_ACTIONS.has(Number(action)) ? 'vod' : 'status';
	if (hasParam(params, 'ClassNo')) return 'status';
	if (input.method === 'POST' && looksLikeXml(input.rawBody)) return 'qaClient';
	if (hasParam(params, 'question')) return 'qaWeb';
	if (hasParam(params, 'roomid')) return 'coBrowse';
	if (hasParam(params, 'confid') || hasParam(params, 'username')) return 'endPage';
	if (hasParam(params, 'userid') && hasParam(params, 'webcastid')) return 'rollCall';
	return undefined;
}
