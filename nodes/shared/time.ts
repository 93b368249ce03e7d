import { DateTime } from 'luxon';

// Epoch milliseconds between 1973 and 5138: smaller numbers are durations, counters or seconds.
const MIN_EPOCH_MILLIS = 1e11;
const MAX_EPOCH_MILLIS = 1e14;

export function isEpochMillis(value: unknown): value is number {
	return (
		typeof value === 'number' &&
		Number.isFinite(value) &&
		value >= MIN_EPOCH_MILLIS &&
		value < MAX_EPOCH_MILLIS
	);
}

export function epochMillisToIso(millis: number, zone: string): string {
	return DateTime.fromMillis(millis, { zone }).toISO() ?? new Date(millis).toISOString();
}

export function epochSecondsToIso(seconds: number, zone: string): string {
	return epochMillisToIso(seconds * 1000, zone);
}

const LOCAL_TIME_FORMATS = ['yyyy-MM-dd HH:mm:ss.SSS', 'yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm'];

/**
 * Reads a wall-clock time written without an offset (e.g. "2022-01-08 17:39:42.388") as a time
 * in `zone`; an ISO 8601 string is read as written. Returns undefined for anything else.
 */
export function localTimeToIso(text: string, zone: string): string | undefined {
	const trimmed = text.trim();
	for (const format of LOCAL_TIME_FORMATS) {
		const parsed = DateTime.fromFormat(trimmed, format, { zone });
		if (parsed.isValid) return parsed.toISO() ?? undefined;
	}
	const iso = DateTime.fromISO(trimmed, { zone, setZone: true });
	return iso.isValid ? (iso.toISO() ?? undefined) : undefined;
}

export function nowIso(zone: string, now: number = Date.now()): string {
	return epochMillisToIso(now, zone);
}
