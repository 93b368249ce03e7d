import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['qa'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description:
					'Get the questions asked in a room or webcast over a time window, with answers',
				action: 'Get questions and answers',
			},
		],
		default: 'get',
	},
	...get.description,
];
