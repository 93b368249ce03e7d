import { DateTime } from 'luxon';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { buildEventItem, type DecodeOptions } from '../shared/envelope';
import { isRecord, type JsonRecord } from '../shared/guards';
import { epochSecondsToIso, nowIso, withIsoTimes, type IsoTimeFields } from '../shared/time';
import {
	TEACHBASE_OUTPUT_ZONE,
	TEACHBASE_PLATFORM,
	TEACHBASE_TIME_ZONE,
	teachbaseEventName,
} from './events';
import type { TeachbaseWebhook } from './payload';

/** Ids a CRM or HR step looks for first; lifted to the top level from nested objects too. */
const KEY_IDS = ['user_id', 'course_id', 'course_session_id'] as const;

// Unix seconds between 2001 and 2286; smaller numbers are scores, counters or durations.
const MIN_UNIX_SECONDS = 1e9;
const MAX_UNIX_SECONDS = 1e10;

/** An ISO string (with or without offset) or unix seconds, normalised to ISO 8601 in UTC. */
export function normaliseTeachbaseTime(value: unknown): string | undefined {
	if (typeof value === 'number' && value >= MIN_UNIX_SECONDS && value < MAX_UNIX_SECONDS) {
		return epochSecondsToIso(value, TEACHBASE_OUTPUT_ZONE);
	}
	if (typeof value === 'string' && value.trim().length > 0) {
		const numeric = Number(value);
		if (Number.isFinite(numeric) && /^\d+$/.test(value.trim()))
			return normaliseTeachbaseTime(numeric);
		const parsed = DateTime.fromISO(value.trim(), { zone: TEACHBASE_TIME_ZONE });
		if (parsed.isValid) return parsed.toUTC().toISO() ?? undefined;
		const spaced = DateTime.fromSQL(value.trim(), { zone: TEACHBASE_TIME_ZONE });
		if (spaced.isValid) return spaced.toUTC().toISO() ?? undefined;
	}
	return undefined;
}

/** `started_at: "2024-03-01T10:00:00+03:00"` also becomes `started_at_iso: "2024-03-01T07:00:00.000Z"`. */
const TIME_FIELDS: IsoTimeFields = {
	name: /(_at|_time|_date)$/,
	toIso: normaliseTeachbaseTime,
	suffix: '_iso',
};

/** `user_id` from `data.user_id`, or `data.user.id` when Teachbase nests the user. */
function keyIds(data: JsonRecord): IDataObject {
	const ids: IDataObject = {};
	for (const key of KEY_IDS) {
		const nested = data[key.replace(/_id$/, '')];
		const value = data[key] ?? (isRecord(nested) ? nested.id : undefined);
		if (value !== undefined && value !== null) ids[key] = value;
	}
	return ids;
}

function occurredAt(webhook: TeachbaseWebhook): string | undefined {
	const order =
		webhook.event === 'created' ? ['created_at', 'updated_at'] : ['updated_at', 'created_at'];
	for (const key of order) {
		const iso = normaliseTeachbaseTime(webhook.data[key]);
		if (iso !== undefined) return iso;
	}
	return undefined;
}

export function decodeWebhook(
	webhook: TeachbaseWebhook,
	payload: JsonRecord,
	options: DecodeOptions,
): INodeExecutionData {
	return buildEventItem(
		{
			platform: TEACHBASE_PLATFORM,
			event: `${webhook.type}.${webhook.event}`,
			eventName: teachbaseEventName(webhook.type, webhook.event),
			occurredAt: occurredAt(webhook),
			receivedAt: nowIso(TEACHBASE_OUTPUT_ZONE, options.receivedAt),
		},
		{ ...keyIds(webhook.data), ...withIsoTimes(webhook.data, TIME_FIELDS) },
		options.includeRaw ? payload : undefined,
	);
}
