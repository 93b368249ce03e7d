import { createHash, timingSafeEqual } from 'crypto';

const REDACTED = '[redacted]';

function digest(value: string): Buffer {
	return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Compares a presented secret with the configured one in constant time. Both sides are hashed
 * first, so neither the comparison nor an early length check tells a caller how long the secret is.
 */
export function secretsMatch(presented: unknown, expected: string): boolean {
	if (typeof presented !== 'string' || presented.length === 0 || expected.length === 0) {
		return false;
	}
	return timingSafeEqual(digest(presented), digest(expected));
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A hex number as a pattern that accepts upper- and lower-case digits: 2f → 2[fF]. */
function hexPattern(value: number, width: number): string {
	return [...value.toString(16).padStart(width, '0')]
		.map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit))
		.join('');
}

/**
 * Every way a sender may write one character of a secret in the bodies triggers receive: as
 * itself, as a JSON escape (\u0061, \/, \"), or percent-encoded in a form or URL (%61, + for a
 * space).
 */
function characterPattern(character: string): string {
	const forms = [escapeRegExp(character)];
	const codeUnits = Array.from({ length: character.length }, (_, index) =>
		character.charCodeAt(index),
	);
	forms.push(codeUnits.map((unit) => `\\\\u${hexPattern(unit, 4)}`).join(''));
	forms.push([...Buffer.from(character, 'utf8')].map((byte) => `%${hexPattern(byte, 2)}`).join(''));
	if (character === ' ') forms.push('\\+');
	if (character === '/' || character === '"' || character === '\\') {
		forms.push(`\\\\${escapeRegExp(character)}`);
	}
	return `(?:${forms.join('|')})`;
}

function secretPattern(secret: string): RegExp {
	return new RegExp([...secret].map(characterPattern).join(''), 'g');
}

/**
 * Replaces every occurrence of each secret in `text`, for raw bodies shown to the workflow,
 * including occurrences written with JSON escapes or percent-encoding, which decode to the secret.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
	return secrets
		.filter((secret) => secret.length > 0)
		.reduce((redacted, secret) => redacted.replace(secretPattern(secret), REDACTED), text);
}
