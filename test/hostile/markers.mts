import { randomBytes } from 'node:crypto';

/** One random tag per run, so markers never collide with anything left from another run. */
const RUN_TAG = randomBytes(4).toString('hex');

/** Matches every marker `markerFactory` makes, for finding them in stored execution data. */
export const MARKER_PATTERN = /hostile-[a-z]+-\d{4}-[0-9a-f]{8}/g;

/** Hands out markers `hostile-<platform>-<n>-<run tag>`, one per call. */
export function markerFactory(platform: string): () => string {
	let next = 0;
	return () => `hostile-${platform}-${String(next++).padStart(4, '0')}-${RUN_TAG}`;
}
