import type { Sink } from './sink.mjs';

/** Polls `condition` every 250 ms; on timeout, throws naming `what`, with `context()` (e.g. n8n's log). */
export async function waitUntil(what: string, condition: () => boolean, timeoutMs: number, context: () => string = () => ''): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${context()}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** The items each execution posted to `path` as `{ items: [...] }`, one list per execution. */
export function postedItems(sink: Sink, path: string): Array<Array<Record<string, unknown>>> {
	return sink
		.recordsAt(path)
		.map((record) => (Array.isArray(record.body.items) ? record.body.items.filter((item: unknown): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item)) : []));
}
