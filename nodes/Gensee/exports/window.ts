/** Gensee exports at most 7 days per call (vendor-apis.md §2.3). */
export const MAX_EXPORT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export interface TimeWindow {
	/** Epoch milliseconds, whole seconds. */
	start: number;
	end: number;
}

/**
 * Splits [start, end] into consecutive windows of at most 7 days. Gensee's times have whole
 * seconds, so the start is rounded down and the end up. Neighbouring windows share their
 * boundary second (both ends are inclusive on Gensee's side): a record exactly there comes back
 * twice and is deduplicated by the caller, rather than being lost between two calls.
 */
export function splitWindow(start: number, end: number): TimeWindow[] {
	const from = Math.floor(start / 1000) * 1000;
	const to = Math.ceil(end / 1000) * 1000;
	const windows: TimeWindow[] = [];
	for (let cursor = from; cursor < to; cursor += MAX_EXPORT_WINDOW_MS) {
		windows.push({ start: cursor, end: Math.min(cursor + MAX_EXPORT_WINDOW_MS, to) });
	}
	return windows;
}
