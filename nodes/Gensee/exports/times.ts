import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { epochMillisToIso, isEpochMillis, localTimeToIso, withIsoTimes } from '../../shared/time';

/** Gensee's wall-clock format for the times it takes: `yyyy-MM-dd HH:mm:ss` in the site's zone. */
export const GENSEE_TIME_FORMAT = 'yyyy-MM-dd HH:mm:ss';

function hasToMillis(value: unknown): value is { toMillis(): number } {
	return (
		typeof value === 'object' &&
		value !== null &&
		'toMillis' in value &&
		typeof value.toMillis === 'function'
	);
}

/**
 * A time parameter as epoch milliseconds: text without an offset ("2026-11-23 09:00", or what
 * n8n's date picker gives) is a wall-clock time in the site's zone; ISO text with an offset,
 * epoch milliseconds, a Date or a luxon DateTime are read as they are. Undefined when unreadable.
 */
export function timeParameterToMillis(value: unknown, zone: string): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	if (hasToMillis(value)) {
		const millis = value.toMillis();
		return Number.isFinite(millis) ? millis : undefined;
	}
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	if (/^\d{11,14}$/.test(value.trim())) return Number(value.trim());
	const iso = localTimeToIso(value, zone);
	return iso === undefined ? undefined : DateTime.fromISO(iso).toMillis();
}

export function toGenseeTime(millis: number, zone: string): string {
	return DateTime.fromMillis(millis, { zone }).toFormat(GENSEE_TIME_FORMAT);
}

export function isoInZone(millis: number, zone: string): string {
	return epochMillisToIso(millis, zone);
}

/** Epoch milliseconds from a number or numeric text (Gensee's times; some copies send text). */
export function millisOf(value: unknown): number | undefined {
	if (isEpochMillis(value)) return value;
	if (typeof value === 'string' && /^\d{11,14}$/.test(value.trim())) return Number(value.trim());
	return undefined;
}

/** A copy of a Gensee record where each `…Time`/`…Date` field also gets an ISO twin (`…TimeIso`). */
export function withGenseeIsoTimes(record: IDataObject, zone: string): IDataObject {
	return withIsoTimes(record, {
		name: /(Time|Date)$/,
		suffix: 'Iso',
		toIso(value) {
			const millis = millisOf(value);
			if (millis !== undefined) return epochMillisToIso(millis, zone);
			return typeof value === 'string' ? localTimeToIso(value, zone) : undefined;
		},
	});
}
