import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteProperties from './deleteProperties.operation';
import * as get from './get.operation';
import * as getAttendance from './getAttendance.operation';
import * as setState from './setState.operation';
import * as updateProperties from './updateProperties.operation';

export { create, deleteProperties, get, getAttendance, setState, updateProperties };

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
				description: 'Create a classroom',
				action: 'Create a classroom',
			},
			{
				name: 'Delete Properties',
				value: 'deleteProperties',
				description: 'Delete custom properties of a classroom',
				action: 'Delete classroom properties',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a classroom and its state',
				action: 'Get a classroom',
			},
			{
				name: 'Get Attendance',
				value: 'getAttendance',
				description:
					'Get who attended a classroom: one item per user with first join, last leave, sessions and minutes present',
				action: 'Get attendance of a classroom',
			},
			{
				name: 'Set State',
				value: 'setState',
				description: 'Start, end or close the class',
				action: 'Set the class state',
			},
			{
				name: 'Update Properties',
				value: 'updateProperties',
				description: 'Set or change custom properties of a classroom',
				action: 'Update classroom properties',
			},
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getAttendance.description,
	...setState.description,
	...updateProperties.description,
	...deleteProperties.description,
];
