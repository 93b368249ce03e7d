/**
 * Secrets that are almost right: the wrong tokens and keys every platform's corpus tries, and
 * other spellings of the right one.
 */

export interface WrongSecret {
	name: string;
	/** Null for no secret at all. */
	secret: string | null;
}

/** Replaces one character of `secret` so the result has the same length and differs in one place. */
export function oneCharacterOff(secret: string, position: number): string {
	const original = secret[position] ?? '0';
	const replacement =
		original === '0' ? '1' : original === 'a' ? 'b' : original === 'A' ? 'B' : '0';
	return `${secret.slice(0, position)}${replacement}${secret.slice(position + 1)}`;
}

/** `secret` with every character written as a JSON `\uXXXX` escape: the same string once parsed. */
export function unicodeEscaped(secret: string): string {
	return [...secret]
		.map((character) => `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)
		.join('');
}

/** `secret` wrong in one character, at each of `positions` (every position by default). */
export function oneCharacterOffAt(
	secret: string,
	positions: readonly number[] = Array.from({ length: secret.length }, (_, position) => position),
): Array<{ name: string; secret: string }> {
	return positions.map((position) => ({
		name: `one character off at ${position}`,
		secret: oneCharacterOff(secret, position),
	}));
}

/** Missing, empty and near-miss tokens, for platforms that carry their token on the URL. */
export function wrongTokens(token: string): WrongSecret[] {
	return [
		{ name: 'missing token', secret: null },
		{ name: 'empty token', secret: '' },
		{ name: 'upper-cased token', secret: token.toUpperCase() },
		{ name: 'token with a trailing space', secret: `${token} ` },
		{ name: 'token one character short', secret: token.slice(0, -1) },
		{ name: 'token one character long', secret: `${token}x` },
		...oneCharacterOffAt(token),
	];
}

/** `text` with every character percent-encoded: the same string once a form is decoded. */
export function percentEncoded(text: string): string {
	return [...text].map((character) => `%${character.charCodeAt(0).toString(16)}`).join('');
}
