import type { INodeExecutionData } from 'n8n-workflow';

import { isChosen } from '../shared/choice';
import { decodeAgoraEvent, type AgoraDecodeOptions } from './decode';
import type { AgoraEvent } from './events';

/** How the user asked for events: which types, and how each becomes items. */
export interface EventChoice extends Omit<AgoraDecodeOptions, 'receivedAt'> {
	/** Event types (`cmd` as text) to keep; none chosen keeps all. */
	eventTypes: readonly string[];
}

/** The events whose type the user chose, in their order. */
export function chosenEvents(
	events: readonly AgoraEvent[],
	eventTypes: EventChoice['eventTypes'],
): AgoraEvent[] {
	return events.filter((event) => isChosen(eventTypes, String(event.cmd)));
}

/** Events, in order, as output items in the common envelope. */
export function decodeEvents(
	events: readonly AgoraEvent[],
	{ includeRaw, oneItemPerUser }: EventChoice,
	receivedAt: number,
): INodeExecutionData[] {
	return events.flatMap((event) =>
		decodeAgoraEvent(event, { receivedAt, includeRaw, oneItemPerUser }),
	);
}
