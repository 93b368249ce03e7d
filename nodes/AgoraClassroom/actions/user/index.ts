import type { INodeProperties } from 'n8n-workflow';

import * as deleteProperties from './deleteProperties.operation';
import * as get from './get.operation';
import * as kick from './kick.operation';
import * as updateProperties from './updateProperties.operation';

export { deleteProperties, get, kick, updateProperties };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Delete Properties',
				value: 'deleteProperties',
				description: 'Delete custom properties of a user',
				action: 'Delete user properties',
			},
			{ name: 'Get', value: 'get', description: 'Get a user in a classroom', action: 'Get a user' },
			{
				name: 'Kick',
				value: 'kick',
				description: 'Remove a user from the classroom, optionally banning them for a while',
				action: 'Kick a user',
			},
			{
				name: 'Update Properties',
				value: 'updateProperties',
				description: 'Set or change custom properties of a user',
				action: 'Update user properties',
			},
		],
		default: 'get',
	},
	...get.description,
	...kick.description,
	...updateProperties.description,
	...deleteProperties.description,
];
