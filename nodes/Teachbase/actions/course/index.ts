import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['course'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the courses of the account',
				action: 'Get many courses',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
