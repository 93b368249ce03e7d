import type { INodeExecutionData } from 'n8n-workflow';

import { outputTable, routeItems, type OutputTable, type Routing } from '../../shared/routing';
import { AGORA_EVENT_TYPES } from '../events';

/** `event` of the item reporting that a watched classroom was destroyed. */
export const ROOM_GONE_EVENT = 'roomGone';

/** "One Output per Event Type": Agora's event types by cmd, the classroom-gone report, then "Other". */
export const AGORA_TRIGGER_OUTPUTS: OutputTable = outputTable([
	...AGORA_EVENT_TYPES.map((type) => ({ key: String(type.cmd), name: type.output })),
	{ key: ROOM_GONE_EVENT, name: 'Gone' },
]);

/** The event-type filter's choices: Agora's event types and the classroom-gone report. */
export const EVENT_TYPE_OPTIONS = [
	...AGORA_EVENT_TYPES.map((type) => ({
		name: type.name,
		value: String(type.cmd),
		description: type.description,
		action: type.action,
	})),
	{
		name: 'Classroom Gone',
		value: ROOM_GONE_EVENT,
		action: 'On classroom gone',
		description:
			'A watched classroom that had been found is no longer there (Agora destroys classrooms about an hour after the class ends)',
	},
];

/** All items on one output, or each on the output of its event type (`event`: the cmd as text). */
export function routeAgoraItems(
	items: INodeExecutionData[],
	routing: Routing,
): INodeExecutionData[][] {
	return routeItems(items, routing, AGORA_TRIGGER_OUTPUTS, (item) =>
		AGORA_TRIGGER_OUTPUTS.indexOf(String(item.json.event)),
	);
}
