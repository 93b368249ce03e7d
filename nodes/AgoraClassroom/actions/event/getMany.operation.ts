import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { stringList } from '../../../shared/guards';
import { AGORA_EVENT_TYPES } from '../../events';
import {
	limitProperty,
	requiredText,
	returnAllProperty,
	roomUuidProperty,
} from '../common.description';
import { eventOptionsProperty, readEventOptions } from './options';
import { readEvents } from './readEvents';

const properties: INodeProperties[] = [
	roomUuidProperty,
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
	returnAllProperty,
	limitProperty,
	eventOptionsProperty,
];

const displayOptions = { show: { resource: ['event'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const roomUuid = requiredText(this, 'roomUuid', itemIndex, 'Classroom ID');
	const cmds = stringList(this.getNodeParameter('eventTypes', itemIndex, []))
		.map(Number)
		.filter(Number.isInteger);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) === true;
	return await readEvents(this, {
		path: ['rooms', roomUuid, 'sequences'],
		cmd: cmds.length === 1 ? cmds[0] : undefined,
		cmds,
		returnAll,
		limit: Number(this.getNodeParameter('limit', itemIndex, 50)),
		...readEventOptions(this, itemIndex),
	});
}
