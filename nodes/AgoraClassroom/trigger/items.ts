import type { INodeExecutionData } from 'n8n-workflow';

import { buildEventItem, buildUnrecognizedItem } from '../../shared/envelope';
import type { JsonRecord } from '../../shared/guards';
import { nowIso } from '../../shared/time';
import { chosenEvents, decodeEvents } from '../chosenEvents';
import { AGORA_CMD, AGORA_PLATFORM, AGORA_TIME_ZONE, type AgoraEvent } from '../events';
import { ROOM_GONE_EVENT } from './outputs';
import type { TriggerSettings } from './settings';
import { separatelyWatchedWidgets, type RoomSource } from './sources';

export interface ItemOptions {
	settings: Pick<TriggerSettings, 'eventTypes' | 'includeRaw' | 'oneItemPerUser'>;
	receivedAt: number;
	/** Widgets whose changes come from their own stream, so the classroom stream's copies are left out. */
	skipWidgets?: ReadonlySet<string>;
}

function widgetOf(event: AgoraEvent): string | undefined {
	const widget = event.data.widgetUuid;
	return typeof widget === 'string' ? widget : undefined;
}

/** Output items for events read from one stream, in sequence order, after the event-type filter. */
export function eventItems(
	events: readonly AgoraEvent[],
	{ settings, receivedAt, skipWidgets }: ItemOptions,
): INodeExecutionData[] {
	const kept = chosenEvents(events, settings.eventTypes).filter(
		(event) =>
			event.cmd !== AGORA_CMD.widgetChanged || skipWidgets?.has(widgetOf(event) ?? '') !== true,
	);
	return decodeEvents(kept, settings, receivedAt);
}

/**
 * Output items for events read from one of the watched sources: a classroom's own stream leaves
 * out the changes of widgets that are watched on their own stream.
 */
export function sourceEventItems(
	events: readonly AgoraEvent[],
	source: RoomSource,
	sources: readonly RoomSource[],
	options: Omit<ItemOptions, 'skipWidgets'>,
): INodeExecutionData[] {
	const skipWidgets =
		source.widgetUuid === undefined
			? separatelyWatchedWidgets(sources, source.roomUuid)
			: undefined;
	return eventItems(events, { ...options, skipWidgets });
}

/** List entries that are not events still reach the workflow, flagged, with the entry as Agora sent it. */
export function unparsableItems(
	entries: readonly JsonRecord[],
	receivedAt: number,
): INodeExecutionData[] {
	return entries.map((entry) =>
		buildUnrecognizedItem({
			platform: AGORA_PLATFORM,
			receivedAt: nowIso(AGORA_TIME_ZONE, receivedAt),
			problem: 'Agora listed an entry without a numeric cmd and sequence',
			rawBody: JSON.stringify(entry),
		}),
	);
}

/** The one-time report that a watched classroom that had been found is gone. */
export function roomGoneItem(roomUuid: string, receivedAt: number): INodeExecutionData {
	return buildEventItem(
		{
			platform: AGORA_PLATFORM,
			event: ROOM_GONE_EVENT,
			eventName: 'Classroom gone',
			receivedAt: nowIso(AGORA_TIME_ZONE, receivedAt),
		},
		{
			roomUuid,
			reason:
				'Agora answers "room not exists" for a classroom it had listed events for: it destroys classrooms about an hour after the class ends. Its events are no longer readable; if a classroom with this ID is created again, its events are emitted from the first one.',
		},
	);
}
