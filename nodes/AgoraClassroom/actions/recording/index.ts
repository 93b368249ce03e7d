import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';
import * as pauseResume from './pauseResume.operation';
import * as start from './start.operation';
import * as stop from './stop.operation';

export { getMany, pauseResume, start, stop };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['recording'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the recordings of a classroom',
				action: 'Get many recordings',
			},
			{
				name: 'Pause or Resume',
				value: 'pauseResume',
				description: 'Pause or resume a web page recording',
				action: 'Pause or resume a recording',
			},
			{
				name: 'Start',
				value: 'start',
				description: 'Start recording the classroom',
				action: 'Start a recording',
			},
			{
				name: 'Stop',
				value: 'stop',
				description: 'Stop recording the classroom',
				action: 'Stop a recording',
			},
		],
		default: 'start',
	},
	...start.description,
	...stop.description,
	...pauseResume.description,
	...getMany.description,
];
