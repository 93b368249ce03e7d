import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { stringList } from '../../../shared/guards';
import { AGORA_EVENT_TYPES } from '../../events';
import { eventListDescription, executeEventList } from './eventList';

export const description = eventListDescription('getMany', [
	{
		displayName: 'Event Types',
		name: 'eventTypes',
		type: 'multiOptions',
		options: AGORA_EVENT_TYPES.map((type) => ({
			name: type.name,
			value: String(type.cmd),
			description: type.description,
		})),
		default: [],
		description: 'Which events to return. Leave empty for all.',
	},
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return await executeEventList(this, itemIndex, (roomUuid) => {
		const cmds = stringList(this.getNodeParameter('eventTypes', itemIndex, []))
			.map(Number)
			.filter(Number.isInteger);
		return {
			path: ['rooms', roomUuid, 'sequences'],
			cmd: cmds.length === 1 ? cmds[0] : undefined,
			eventTypes: cmds.map(String),
		};
	});
}
