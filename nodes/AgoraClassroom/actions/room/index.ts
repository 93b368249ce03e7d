import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteProperties from './deleteProperties.operation';
import * as get from './get.operation';
import * as getAttendance from './getAttendance.operation';
import * as endClass from './endClass.operation';
import * as setState from './setState.operation';
import * as startClass from './startClass.operation';
import * as updateProperties from './updateProperties.operation';

export {
	create,
	deleteProperties,
	endClass,
	get,
	getAttendance,
	setState,
	startClass,
	updateProperties,
};

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
				name: 'End Class',
				value: 'endClass',
				description: 'End the class held in the classroom; users can stay until it is closed',
				action: 'End a class',
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
					'Get who attended the class: one item per user with first join, last leave, sessions and minutes present',
				action: 'Get class attendance',
			},
			{
				name: 'Set Class State',
				value: 'setState',
				description:
					'Start, end or close the class, e.g. with the state chosen by an expression; Close also removes everyone',
				action: 'Set the class state',
			},
			{
				name: 'Start Class',
				value: 'startClass',
				description: 'Start the class held in the classroom',
				action: 'Start a class',
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
	...startClass.description,
	...endClass.description,
	...setState.description,
	...updateProperties.description,
	...deleteProperties.description,
];
