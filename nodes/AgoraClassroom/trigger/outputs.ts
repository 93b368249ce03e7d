import type { INodeExecutionData } from 'n8n-workflow';

import type { Routing } from '../../shared/routing';
import { AGORA_EVENT_TYPES } from '../events';

/** `event` of the item reporting that a watched classroom was destroyed. */
export const ROOM_GONE_EVENT = 'roomGone';

/** Output names for "One Output per Event Type": Agora's event types, then the two of our own. */
export const AGORA_TRIGGER_OUTPUT_NAMES: readonly string[] = [
	...AGORA_EVENT_TYPES.map((type) => type.name),
	'Classroom Gone',
	'Other',
];

const ROOM_GONE_OUTPUT = AGORA_EVENT_TYPES.length;
const OTHER_OUTPUT = AGORA_EVENT_TYPES.length + 1;

/** The output an item goes to, from its `event` (the cmd as text, `roomGone` or anything else). */
export function agoraOutputIndex(event: string): number {
	if (event === ROOM_GONE_EVENT) return ROOM_GONE_OUTPUT;
	const index = AGORA_EVENT_TYPES.findIndex((type) => String(type.cmd) === event);
	return index === -1 ? OTHER_OUTPUT : index;
}

/** The event-type filter's choices: Agora's event types and the classroom-gone report. */
export const EVENT_TYPE_OPTIONS = [
	...AGORA_EVENT_TYPES.map((type) => ({
		name: type.name,
		value: String(type.cmd),
		description: type.description,
	})),
	{
		name: 'Classroom Gone',
		value: ROOM_GONE_EVENT,
		description: 'A watched classroom that had been found is no longer there (Agora destroys classrooms about an hour after the class ends)',
	},
];

/** All items on one output, or each on the output of its event type. */
export function routeAgoraItems(items: INodeExecutionData[], routing: Routing): INodeExecutionData[][] {
	if (routing === 'single') return [items];
	const outputs: INodeExecutionData[][] = AGORA_TRIGGER_OUTPUT_NAMES.map(() => []);
	for (const item of items) outputs[agoraOutputIndex(String(item.json.event))].push(item);
	return outputs;
}
