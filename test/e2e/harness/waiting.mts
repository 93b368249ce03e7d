import type { Sink } from './sink.mjs';

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
