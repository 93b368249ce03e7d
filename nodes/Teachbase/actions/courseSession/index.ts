import type { INodeProperties } from 'n8n-workflow';

import * as enrolUser from './enrolUser.operation';
import * as getMany from './getMany.operation';

export { enrolUser, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['courseSession'] } },
		options: [
			{
				name: 'Enrol User',
				value: 'enrolUser',
				description:
					'Add a person to a course session, by user ID or email. Someone already in the session is a success flagged alreadyEnrolled.',
				action: 'Enrol a user in a course session',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the sessions of a course or of the whole account',
				action: 'Get many course sessions',
			},
		],
		default: 'enrolUser',
	},
	...getMany.description,
	...enrolUser.description,
];
