/** The bench's arithmetic, kept pure so it can be unit-tested. */

/** The median resists a round that other work on the machine slowed down. */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1
		? (sorted[middle] ?? 0)
		: ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** `value ÷ baseline`, or undefined when either side has no rate to compare. */
export function ratio(value: number, baseline: number): number | undefined {
	return value > 0 && baseline > 0 ? value / baseline : undefined;
}

/** `0.87–1.32`, the spread of a set of ratios; `n/a` when there are none. */
export function ratioRange(ratios: ReadonlyArray<number | undefined>): string {
	const known = ratios.filter((value): value is number => value !== undefined);
	if (known.length === 0) return 'n/a';
	const low = Math.min(...known).toFixed(2);
	const high = Math.max(...known).toFixed(2);
	return low === high ? low : `${low}–${high}`;
}

/**
 * Epoch milliseconds of a time as n8n's SQLite database stores it (`2026-12-01 12:40:38.123`,
 * UTC, no zone), or as an ISO string.
 */
export function parseStoredTime(text: string): number | undefined {
	const iso = /^\d{4}-\d{2}-\d{2} /.test(text) ? `${text.replace(' ', 'T')}Z` : text;
	const value = Date.parse(iso);
	return Number.isNaN(value) ? undefined : value;
}

/** Events per second over `[startMs, endMs]`; 0 when nothing happened. */
export function perSecond(count: number, startMs: number, endMs: number): number {
	return count > 0 && endMs > startMs ? (count * 1000) / (endMs - startMs) : 0;
}

export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024)
		return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
	if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KiB`;
	return `${bytes} B`;
}
