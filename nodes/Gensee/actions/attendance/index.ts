import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['attendance'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					"Get who attended a room or webcast over a time window, from Gensee's own record",
				action: 'Get attendance',
			},
		],
		default: 'get',
	},
	...get.description,
];
