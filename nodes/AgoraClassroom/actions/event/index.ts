import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';
import * as getWidgetEvents from './getWidgetEvents.operation';

export { getMany, getWidgetEvents };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['event'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get the events of a classroom, oldest first',
				action: 'Get many events',
			},
			{
				name: 'Get Widget Events',
				value: 'getWidgetEvents',
				description: 'Get the events of a pop-up quiz, poll or other widget',
				action: 'Get widget events',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...getWidgetEvents.description,
];
