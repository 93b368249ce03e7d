import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { buildEventItem, type DecodeOptions } from '../shared/envelope';
import { isRecord, parseJsonRecord, type JsonRecord } from '../shared/guards';
import {
	epochMillisToIso,
	isEpochMillis,
	nowIso,
	withIsoTimes,
	type IsoTimeFields,
} from '../shared/time';
import {
	AGORA_CMD,
	AGORA_PLATFORM,
	AGORA_TIME_ZONE,
	agoraEventTypeName,
	classStateName,
	handRaiseName,
	recordingStateName,
	stageName,
	userMovementName,
	userMovements,
	usersInOutName,
	parseAgoraEvent,
	CLASS_STATE_TIME,
	USER_LISTS,
	integer,
	type AgoraEvent,
} from './events';
import { normaliseUser } from './users';
import { normaliseWidgetEvent } from './widget';

export interface AgoraDecodeOptions extends DecodeOptions {
	/** Users in/out (cmd 20): one item per user instead of one per event. */
	oneItemPerUser: boolean;
}

function iso(value: unknown): string | undefined {
	return isEpochMillis(value) ? epochMillisToIso(value, AGORA_TIME_ZONE) : undefined;
}

/** `startTime: 1611561776588` also becomes `startTimeIso: "2021-01-25T08:02:56.588Z"`. */
const TIME_FIELDS: IsoTimeFields = { name: /Time$/, toIso: iso, suffix: 'Iso' };

function withAgoraIsoTimes(record: IDataObject): IDataObject {
	return withIsoTimes(record, TIME_FIELDS);
}

function userList(value: unknown): IDataObject[] {
	if (!Array.isArray(value)) return [];
	return value
		.map(normaliseUser)
		.filter((user): user is IDataObject => user !== undefined)
		.map(withAgoraIsoTimes);
}

/** Recording file lists arrive as a JSON array or as a string holding one. */
function recordDetails(value: IDataObject[keyof IDataObject]): IDataObject[keyof IDataObject] {
	if (typeof value !== 'string') return value;
	const wrapped = parseJsonRecord(`{"list":${value}}`);
	return wrapped !== undefined && Array.isArray(wrapped.list) ? wrapped.list : value;
}

function eventName(event: AgoraEvent): string {
	const { data } = event;
	switch (event.cmd) {
		case AGORA_CMD.classState:
			return classStateName(data.state);
		case AGORA_CMD.chatMessage:
			return 'Chat message';
		case AGORA_CMD.usersInOut:
			return usersInOutName(data);
		case AGORA_CMD.recordingState:
			return recordingStateName(data);
		case AGORA_CMD.recordingUploaded:
			return 'Recording uploaded';
		case AGORA_CMD.cloudDriveChanged:
			return 'Cloud drive changed';
		case AGORA_CMD.rewardChanged:
			return 'Reward changed';
		case AGORA_CMD.widgetChanged:
			return normaliseWidgetEvent(data).activity;
		case AGORA_CMD.stageChanged:
			return stageName(data);
		case AGORA_CMD.handRaiseChanged:
			return handRaiseName(data);
		default:
			return agoraEventTypeName(event.cmd);
	}
}

function latest(times: unknown[]): number | undefined {
	const valid = times.filter(isEpochMillis);
	return valid.length === 0 ? undefined : Math.max(...valid);
}

/** When the event happened, from its own times; undefined when it carries none. */
function occurredAtMillis(event: AgoraEvent): number | undefined {
	const { data } = event;
	switch (event.cmd) {
		case AGORA_CMD.classState: {
			const key = CLASS_STATE_TIME[integer(data.state) ?? -1];
			return key === undefined ? undefined : latest([data[key]]);
		}
		case AGORA_CMD.usersInOut:
			return latest(
				USER_LISTS.flatMap((list) => (Array.isArray(data[list]) ? data[list] : [])).map((user) =>
					isRecord(user) ? user.updateTime : undefined,
				),
			);
		case AGORA_CMD.recordingState:
			return Number(data.state) === 1 ? latest([data.startTime]) : latest([data.endTime]);
		case AGORA_CMD.rewardChanged:
			return latest([data.updateTime]);
		case AGORA_CMD.widgetChanged: {
			const widget = normaliseWidgetEvent(data);
			const extra = isRecord(widget.properties.extra) ? widget.properties.extra : {};
			return latest([widget.properties.lastCommitTime, extra.receiveQuestionTime]);
		}
		default:
			return latest([data.updateTime, data.time, data.ts]);
	}
}

function eventFields(event: AgoraEvent): IDataObject {
	const fields: IDataObject = {
		roomUuid: event.roomUuid,
		sequence: event.sequence,
		cmd: event.cmd,
	};
	if (event.version !== undefined) fields.version = event.version;
	Object.assign(fields, withAgoraIsoTimes(event.data));
	for (const list of USER_LISTS) if (list in event.data) fields[list] = userList(event.data[list]);
	if (event.cmd === AGORA_CMD.recordingUploaded && 'recordDetails' in event.data) {
		fields.recordDetails = recordDetails(event.data.recordDetails);
	}
	if (event.cmd === AGORA_CMD.widgetChanged) {
		const { properties, ...widget } = normaliseWidgetEvent(event.data);
		fields.widget = { ...widget, properties };
	}
	const fromUser = normaliseUser(event.fromUser);
	if (fromUser !== undefined) fields.fromUser = fromUser;
	const operator = normaliseUser(event.operator);
	if (operator !== undefined) fields.operator = operator;
	return fields;
}

function rawOf(event: AgoraEvent): IDataObject {
	const raw: IDataObject = {
		roomUuid: event.roomUuid,
		cmd: event.cmd,
		sequence: event.sequence,
		data: event.data,
	};
	if (event.version !== undefined) raw.version = event.version;
	if (event.fromUser !== undefined) raw.fromUser = event.fromUser;
	if (event.operator !== undefined) raw.operator = event.operator;
	return raw;
}

/** Users in/out split into one item per user, each with its own name, time and movement. */
function perUserItems(event: AgoraEvent, options: AgoraDecodeOptions): INodeExecutionData[] {
	const items: INodeExecutionData[] = [];
	const receivedAt = nowIso(AGORA_TIME_ZONE, options.receivedAt);
	for (const { list, movement, user: entry } of userMovements(event.data)) {
		const user = normaliseUser(entry) ?? {};
		const userUuid = typeof user.userUuid === 'string' ? user.userUuid : '';
		items.push(
			buildEventItem(
				{
					platform: AGORA_PLATFORM,
					event: String(event.cmd),
					eventName: userMovementName(movement),
					eventId: `${event.roomUuid}:${event.sequence}:${list === 'onlineUsers' ? 'in' : 'out'}:${userUuid}`,
					occurredAt: iso(user.updateTime),
					receivedAt,
				},
				{
					roomUuid: event.roomUuid,
					sequence: event.sequence,
					cmd: event.cmd,
					movement,
					...withAgoraIsoTimes(user),
				},
				options.includeRaw ? rawOf(event) : undefined,
			),
		);
	}
	return items;
}

/**
 * Turns one Agora event into output items in the common envelope: `event` is the `cmd`,
 * `eventName` says what happened, `eventId` is `<roomUuid>:<sequence>`. Users in/out events give
 * one item per user when asked (an event that lists nobody still gives one item).
 */
export function decodeAgoraEvent(
	event: AgoraEvent,
	options: AgoraDecodeOptions,
): INodeExecutionData[] {
	if (options.oneItemPerUser && event.cmd === AGORA_CMD.usersInOut) {
		const items = perUserItems(event, options);
		if (items.length > 0) return items;
	}
	const occurred = occurredAtMillis(event);
	return [
		buildEventItem(
			{
				platform: AGORA_PLATFORM,
				event: String(event.cmd),
				eventName: eventName(event),
				eventId: `${event.roomUuid}:${event.sequence}`,
				occurredAt:
					occurred === undefined ? undefined : epochMillisToIso(occurred, AGORA_TIME_ZONE),
				receivedAt: nowIso(AGORA_TIME_ZONE, options.receivedAt),
			},
			eventFields(event),
			options.includeRaw ? rawOf(event) : undefined,
		),
	];
}

/** Separates list entries that are events from those that are not (the caller flags those, never drops them). */
export function splitParsable(list: readonly JsonRecord[]): {
	events: AgoraEvent[];
	unparsable: JsonRecord[];
} {
	const events: AgoraEvent[] = [];
	const unparsable: JsonRecord[] = [];
	for (const entry of list) {
		const event = parseAgoraEvent(entry);
		if (event === undefined) unparsable.push(entry);
		else events.push(event);
	}
	return { events, unparsable };
}
