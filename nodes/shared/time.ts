import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { isPrototypeKey } from './guards';

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

/** "2022-01-08 17:39:42.388", seconds and fractions optional; a "T" separator is read too. */
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * Reads a wall-clock time written without an offset (e.g. "2022-01-08 17:39:42.388") as a time
 * in `zone`; an ISO 8601 string is read as written. Returns undefined for anything else.
 */
export function localTimeToIso(text: string, zone: string): string | undefined {
	const trimmed = text.trim();
	// Matched by hand: luxon's fromFormat compiles its format on every call, which cost a
	// Qingsuyun event more than all the rest of its decoding.
	const match = LOCAL_TIME.exec(trimmed);
	if (match) {
		const [, year, month, day, hour, minute, second, fraction] = match;
		const parsed = DateTime.fromObject(
			{
				year: Number(year),
				month: Number(month),
				day: Number(day),
				hour: Number(hour),
				minute: Number(minute),
				second: Number(second ?? 0),
				millisecond: Number((fraction ?? '0').padEnd(3, '0')),
			},
			{ zone },
		);
		return parsed.isValid ? (parsed.toISO() ?? undefined) : undefined;
	}
	const iso = DateTime.fromISO(trimmed, { zone, setZone: true });
	return iso.isValid ? (iso.toISO() ?? undefined) : undefined;
}

export function nowIso(zone: string, now: number): string {
	return epochMillisToIso(now, zone);
}

/** Which fields of a platform's record hold times, how to read them, and the suffix of their ISO twin. */
export interface IsoTimeFields {
	name: RegExp;
	toIso(value: unknown): string | undefined;
	suffix: string;
}

/**
 * A copy of `record` in which every time field also gets its ISO 8601 twin, e.g.
 * `startTime: 1641634772902` → `startTimeIso: "2022-01-08T17:39:32.902+08:00"`.
 */
export function withIsoTimes(record: IDataObject, timeFields: IsoTimeFields): IDataObject {
	const fields: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		if (isPrototypeKey(key)) continue;
		fields[key] = value;
		const iso = timeFields.name.test(key) ? timeFields.toIso(value) : undefined;
		if (iso !== undefined) fields[`${key}${timeFields.suffix}`] = iso;
	}
	return fields;
}
