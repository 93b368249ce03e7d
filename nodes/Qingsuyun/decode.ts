import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { buildEventItem, type DecodeOptions } from '../shared/envelope';
import { isPrototypeKey, type JsonRecord } from '../shared/guards';
import {
	epochMillisToIso,
	isEpochMillis,
	localTimeToIso,
	nowIso,
	withIsoTimes,
	type IsoTimeFields,
} from '../shared/time';
import { QINGSUYUN_PLATFORM, QINGSUYUN_TIME_ZONE, qingsuyunEventName } from './events';
import { isCollectedField, type QingsuyunCallback } from './payload';
import { computedFields } from './results';

/** Fields that must never leave the node: the tenant key, and the URL the callback was sent to. */
const CONFIDENTIAL_FIELDS: ReadonlySet<string> = new Set(['secretKey', 'callbackUrl']);

/** `startTime: 1641634772902` also becomes `startTimeIso: "2022-01-08T17:39:32.902+08:00"`. */
const TIME_FIELDS: IsoTimeFields = {
	name: /(time|at|date)$/i,
	toIso: (value) =>
		isEpochMillis(value) ? epochMillisToIso(value, QINGSUYUN_TIME_ZONE) : undefined,
	suffix: 'Iso',
};

/**
 * Public papers carry the information they collect as a list of
 * `{fieldName, answerContent, …}`; the list is kept, and also offered as one
 * `fieldName → answerContent` map under `collectedInformation`.
 */
function collectedInformation(eventBody: JsonRecord): IDataObject | undefined {
	const list = Object.values(eventBody).find(
		(value): value is unknown[] =>
			Array.isArray(value) && value.length > 0 && value.every(isCollectedField),
	);
	if (!list) return undefined;
	const map: IDataObject = {};
	for (const field of list) {
		if (isCollectedField(field) && !isPrototypeKey(field.fieldName)) {
			map[field.fieldName] = field.answerContent;
		}
	}
	return map;
}

export function withoutConfidentialFields(payload: JsonRecord): IDataObject {
	const safe: IDataObject = {};
	for (const [key, value] of Object.entries(payload)) {
		if (!CONFIDENTIAL_FIELDS.has(key) && !isPrototypeKey(key)) safe[key] = value;
	}
	return safe;
}

export function decodeCallback(
	callback: QingsuyunCallback,
	payload: JsonRecord,
	options: DecodeOptions,
): INodeExecutionData {
	const fields = withIsoTimes(withoutConfidentialFields(callback.eventBody), TIME_FIELDS);
	const collected = collectedInformation(callback.eventBody);
	if (collected && !('collectedInformation' in fields)) fields.collectedInformation = collected;
	// A field Qingsuyun itself sends under the same name keeps Qingsuyun's value.
	for (const [name, value] of Object.entries(computedFields(callback.type, callback.eventBody))) {
		if (!(name in fields)) fields[name] = value;
	}

	return buildEventItem(
		{
			platform: QINGSUYUN_PLATFORM,
			event: callback.type,
			eventName: qingsuyunEventName(callback.type),
			eventId: callback.uuid,
			occurredAt:
				callback.ts === undefined ? undefined : localTimeToIso(callback.ts, QINGSUYUN_TIME_ZONE),
			receivedAt: nowIso(QINGSUYUN_TIME_ZONE, options.receivedAt),
		},
		fields,
		options.includeRaw ? withoutConfidentialFields(payload) : undefined,
	);
}
