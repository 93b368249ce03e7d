import type { Sink } from './sink.mjs';

/** What `waitUntil` shows the end of when it times out: a running n8n's log. */
export interface LogSource {
	log(): string;
}

/** Polls `condition` every `everyMs` (250 ms); on timeout, throws naming `what`, with the end of `logSource`'s log. */
export async function waitUntil(
	what: string,
	condition: () => boolean,
	timeoutMs: number,
	logSource?: LogSource,
	everyMs = 250,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) {
			const log = logSource ? `\n--- n8n log ---\n${logSource.log().slice(-4000)}` : '';
			throw new Error(`timed out waiting for ${what}${log}`);
		}
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
}

/** The items each execution posted to `path` as `{ items: [...] }`, one list per execution. */
export function postedItems(sink: Sink, path: string): Array<Array<Record<string, unknown>>> {
	return sink
		.recordsAt(path)
		.map((record) =>
			Array.isArray(record.body.items)
				? record.body.items.filter(
						(item: unknown): item is Record<string, unknown> =>
							typeof item === 'object' && item !== null && !Array.isArray(item),
					)
				: [],
		);
}
