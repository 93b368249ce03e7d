import { isRecord, type JsonRecord } from '../shared/guards';

/** Request parameters of a callback: the query string and, for form posts, the body fields. */
export type GenseeParams = Record<string, string>;

/** Parameters the node adds to the URL itself; they are never part of the platform's data. */
export const URL_CONTROL_PARAMETERS: ReadonlySet<string> = new Set(['token', 'kind']);

function stringEntries(source: unknown): Array<[string, string]> {
	if (!isRecord(source)) return [];
	return Object.entries(source).flatMap(([key, value]): Array<[string, string]> => {
		if (typeof value === 'string') return [[key, value]];
		// A parameter repeated in the query arrives as a list: the first value is the one meant.
		if (Array.isArray(value) && typeof value[0] === 'string') return [[key, value[0]]];
		if (typeof value === 'number' || typeof value === 'boolean') return [[key, String(value)]];
		return [];
	});
}

export function collectParams(query: unknown, formBody: unknown): GenseeParams {
	const params: GenseeParams = {};
	for (const [key, value] of [...stringEntries(query), ...stringEntries(formBody)]) {
		if (key !== '__proto__' && !(key in params)) params[key] = value;
	}
	return params;
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
