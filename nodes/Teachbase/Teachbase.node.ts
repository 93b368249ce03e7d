import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as course from './actions/course';
import * as courseSession from './actions/courseSession';
import { router } from './actions/router';
import * as user from './actions/user';
import { searchCourses, searchSessions } from './methods/listSearch';

export class Teachbase implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Teachbase',
		name: 'teachbase',
		icon: { light: 'file:teachbase.svg', dark: 'file:teachbase.dark.svg' },
		group: ['transform'],
		version: 1,
		// Each operation's action, by resource:operation (n8n's lint wants the subtitle written out;
		// test/unit/nodes/actionSubtitles checks it against the operations).
		subtitle:
			'={{ ({"user:create":"Create a user","course:getMany":"Get many courses","courseSession:enrolUser":"Enrol a user in a course session","courseSession:getMany":"Get many course sessions"})[$parameter.resource + ":" + $parameter.operation] || $parameter.operation }}',
		description: 'Create people in Teachbase, list courses and sessions, and enrol people',
		defaults: {
			name: 'Teachbase',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'teachbaseApi',
				required: true,
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Course', value: 'course' },
					{ name: 'Course Session', value: 'courseSession' },
					{ name: 'User', value: 'user' },
				],
				default: 'courseSession',
			},
			...user.description,
			...course.description,
			...courseSession.description,
		],
	};

	methods = {
		listSearch: { searchCourses, searchSessions },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
