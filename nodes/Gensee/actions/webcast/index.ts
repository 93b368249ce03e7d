import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';

export { create, get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webcast'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a webcast',
				action: 'Create a webcast',
			},
			{
				name: 'Get',
				value: 'get',
				description: "Get a webcast's settings and join links",
				action: 'Get a webcast',
			},
		],
		default: 'get',
	},
	...create.description,
	...get.description,
];
