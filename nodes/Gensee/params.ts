import type { JsonRecord } from '../shared/guards';
import type { UrlEncodedFields } from '../shared/webhook/urlEncoded';
import { TOKEN_QUERY_PARAMETER } from '../shared/webhookToken';

/** Request parameters of a callback: the query string and, for form posts, the body fields. */
export type GenseeParams = Record<string, string>;

/** Parameters the node adds to the URL itself; they are never part of the platform's data. */
export const URL_CONTROL_PARAMETERS: ReadonlySet<string> = new Set([TOKEN_QUERY_PARAMETER, 'kind']);

/** Query parameters first: a form field of the same name does not replace one on the URL. */
export function collectParams(query: UrlEncodedFields, formFields: UrlEncodedFields): GenseeParams {
	return { ...formFields, ...query };
}

/** Reads a parameter by its exact name, then case-insensitively (`classno`, `CLASSNO`). */
export function param(params: GenseeParams, name: string): string | undefined {
	if (Object.prototype.hasOwnProperty.call(params, name)) return params[name];
	const lower = name.toLowerCase();
	const key = Object.keys(params).find((candidate) => candidate.toLowerCase() === lower);
	return key === undefined ? undefined : params[key];
}

export function hasParam(params: GenseeParams, name: string): boolean {
	return param(params, name) !== undefined;
}

/** Every parameter except the ones the node put on the URL. */
export function platformFields(params: GenseeParams): JsonRecord {
	const fields: JsonRecord = {};
	for (const [key, value] of Object.entries(params)) {
		if (!URL_CONTROL_PARAMETERS.has(key.toLowerCase())) fields[key] = value;
	}
	return fields;
}
