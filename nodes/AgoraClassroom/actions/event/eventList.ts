import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import {
	limitProperty,
	requiredText,
	returnAllProperty,
	roomUuidProperty,
} from '../common.description';
import { eventOptionsProperty, readEventOptions } from './options';
import { readEvents, type EventQuery } from './readEvents';

/** Which list an event operation reads and which event types it keeps, from its own parameters. */
export type EventSelection = Pick<EventQuery, 'path' | 'cmd' | 'eventTypes'>;

/** An event operation's properties: the classroom, the operation's own, then how many and the options. */
export function eventListDescription(operation: string, own: INodeProperties[]): INodeProperties[] {
	return operationProperties('event', operation, [
		roomUuidProperty,
		...own,
		returnAllProperty,
		limitProperty,
		eventOptionsProperty,
	]);
}

/**
 * Runs an event operation: reads the classroom ID, then (through `select`) the operation's own
 * parameters, then how many and the options, and returns the events as items.
 */
export async function executeEventList(
	context: IExecuteFunctions,
	itemIndex: number,
	select: (roomUuid: string) => EventSelection,
): Promise<INodeExecutionData[]> {
	const roomUuid = requiredText(context, 'roomUuid', itemIndex, 'Classroom ID');
	return await readEvents(context, {
		...select(roomUuid),
		returnAll: context.getNodeParameter('returnAll', itemIndex, false) === true,
		limit: Number(context.getNodeParameter('limit', itemIndex, 50)),
		...readEventOptions(context, itemIndex),
	});
}
