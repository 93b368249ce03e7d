import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { chosenEvents } from '../chosenEvents';
import { readCursors } from './cursor';
import { sourceEventItems } from './items';
import { readStream } from './readStream';
import type { TriggerSettings } from './settings';
import { cursorKey, type RoomSource } from './sources';

/** How many of the newest events per source "Fetch Test Event" shows. */
export const MANUAL_SAMPLE_SIZE = 10;

/** Reading starts this far before the cursor, so recent events show even when nothing is new. */
const LOOK_BACK = 100;

/**
 * "Fetch Test Event": the newest events of each watched source, after the event-type filter.
 * Cursors are only read, never moved, so the active workflow still gets these events.
 */
export async function sampleNewestEvents(
	context: IPollFunctions,
	sources: readonly RoomSource[],
	settings: TriggerSettings,
	staticData: IDataObject,
	deadline: number,
): Promise<{ items: INodeExecutionData[]; errors: unknown[] }> {
	const receivedAt = Date.now();
	const cursors = readCursors(staticData);
	const items: INodeExecutionData[] = [];
	const errors: unknown[] = [];
	for (const source of sources) {
		const cursor = cursors.get(cursorKey(source));
		const from = cursor === undefined ? null : Math.max(0, cursor.next - LOOK_BACK);
		try {
			const read = await readStream(context, source, from, deadline);
			const matching = chosenEvents(read.events, settings.eventTypes);
			items.push(
				...sourceEventItems(matching.slice(-MANUAL_SAMPLE_SIZE), source, sources, {
					settings,
					receivedAt,
				}),
			);
		} catch (error) {
			errors.push(error);
		}
	}
	return { items, errors };
}
