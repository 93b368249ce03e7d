import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as attendance from './actions/attendance';
import * as qa from './actions/qa';
import * as rollCall from './actions/rollCall';
import * as room from './actions/room';
import { router } from './actions/router';
import * as webcast from './actions/webcast';

export class Gensee implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gensee',
		name: 'gensee',
		icon: { light: 'file:gensee.svg', dark: 'file:gensee.dark.svg' },
		group: ['transform'],
		version: 1,
		// Each operation's action, by resource:operation (n8n's lint wants the subtitle written out;
		// test/unit/nodes/actionSubtitles checks it against the operations).
		subtitle:
			'={{ ({"room:create":"Create a room","room:delete":"Delete a room","room:get":"Get a room","webcast:create":"Create a webcast","webcast:get":"Get a webcast","attendance:get":"Get attendance","qa:get":"Get questions and answers","rollCall:get":"Get roll calls"})[$parameter.resource + ":" + $parameter.operation] || $parameter.operation }}',
		description:
			"Create Gensee rooms and webcasts, and read Gensee's own record of attendance, Q&A and roll calls",
		defaults: {
			name: 'Gensee',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'genseeApi',
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
					{ name: 'Attendance', value: 'attendance' },
					{ name: 'Q&A', value: 'qa' },
					{ name: 'Roll Call', value: 'rollCall' },
					{ name: 'Room (Training)', value: 'room' },
					{ name: 'Webcast', value: 'webcast' },
				],
				default: 'attendance',
			},
			...room.description,
			...webcast.description,
			...attendance.description,
			...qa.description,
			...rollCall.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
