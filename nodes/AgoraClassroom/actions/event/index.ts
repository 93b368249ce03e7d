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
				name: 'Get Quiz or Poll Events',
				value: 'getWidgetEvents',
				description:
					'Get what happened in a pop-up quiz or poll (started, answers or votes, ended), or in another widget',
				action: 'Get quiz or poll events',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...getWidgetEvents.description,
];
