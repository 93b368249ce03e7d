import { randomUUID } from 'node:crypto';

import type { WebhookBenchTarget } from './types.mjs';

export type BenchBodies = ReturnType<WebhookBenchTarget['bodies']>;

/**
 * Bodies that are each a new event: `template` with its one `placeholder` replaced by an id of
 * the same length, in hex: a random half, so that no two generators (a warm-up's included) send
 * the same body, and a counter half. Each body is one cheap splice.
 */
export function distinctBodies(
	template: string,
	placeholder: string,
	contentType: string,
): BenchBodies {
	const [before, after, ...more] = template.split(placeholder);
	if (after === undefined || more.length > 0 || placeholder.length % 2 !== 0)
		throw new Error('a bench template holds its even-length placeholder exactly once');
	const half = placeholder.length / 2;
	const prefix = randomUUID().replace(/-/g, '').slice(0, half);
	let sequence = 0;
	return {
		contentType,
		next: () => `${before}${prefix}${(sequence++).toString(16).padStart(half, '0')}${after}`,
	};
}
