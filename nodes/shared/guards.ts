import type { IDataObject } from 'n8n-workflow';

/** A JSON object as JSON.parse or n8n's body parser produces it. */
export type JsonRecord = IDataObject;

export function isRecord(value: unknown): value is JsonRecord {
	// Only used on values that come from JSON parsing, whose members are always JSON values.
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `__proto__` read from JSON is an ordinary key, but assigning it to an object swaps that object's
 * prototype instead of adding a field. n8n drops the key from items anyway; copy loops skip it.
 */
export function isPrototypeKey(key: string): boolean {
	return key === '__proto__';
}

export function isNonEmptyString(value: unknown): value is string {
	return typeof value === 'string' && value.length > 0;
}

/** Parses JSON text that must hold an object; anything else (arrays, scalars, syntax errors) gives undefined. */
export function parseJsonRecord(text: string): JsonRecord | undefined {
	try {
		const parsed: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
		return isRecord(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}

/** A node parameter that should be a list of strings (multiOptions), whatever n8n hands back. */
export function stringList(value: unknown): string[] {
	return Array.isArray(value)
		? value.filter((entry): entry is string => typeof entry === 'string')
		: [];
}
