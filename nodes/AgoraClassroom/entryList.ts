import { stringList } from '../shared/guards';

/**
 * The entries of a list parameter: a list (multiple values, or an expression's array) entry by
 * entry, or one text separated by commas or line breaks. Entries are trimmed; empty ones dropped.
 */
export function entryList(value: unknown): string[] {
	const entries = typeof value === 'string' ? value.split(/[,\n]/) : stringList(value);
	return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}
