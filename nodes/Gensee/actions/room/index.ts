import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';

export { create, del as delete, get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['room'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a training room',
				action: 'Create a room',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a training room',
				action: 'Delete a room',
			},
			{
				name: 'Get',
				value: 'get',
				description: "Get a training room's settings and join links",
				action: 'Get a room',
			},
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...del.description,
];
