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

/** Replaces every occurrence of each secret in `text`, for raw bodies shown to the workflow. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
	return secrets
		.filter((secret) => secret.length > 0)
		.reduce((redacted, secret) => redacted.split(secret).join(REDACTED), text);
}
