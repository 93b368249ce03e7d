import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['rollCall'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					'Get the roll calls of a room or webcast over a time window: who answered, who did not',
				action: 'Get roll calls',
			},
		],
		default: 'get',
	},
	...get.description,
];
