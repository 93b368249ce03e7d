import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as breakoutGroup from './actions/breakoutGroup';
import * as event from './actions/event';
import * as recording from './actions/recording';
import * as room from './actions/room';
import { router } from './actions/router';
import * as user from './actions/user';

export class AgoraClassroom implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Agora Classroom',
		name: 'agoraClassroom',
		icon: { light: 'file:agora.svg', dark: 'file:agora.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Create and run Agora Flexible Classroom classes: classrooms, users, recordings, breakout groups and events',
		defaults: {
			name: 'Agora Classroom',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'agoraClassroomApi',
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
					{ name: 'Breakout Group', value: 'breakoutGroup' },
					{ name: 'Classroom', value: 'room' },
					{ name: 'Event', value: 'event' },
					{ name: 'Recording', value: 'recording' },
					{ name: 'User', value: 'user' },
				],
				default: 'room',
			},
			...room.description,
			...user.description,
			...recording.description,
			...breakoutGroup.description,
			...event.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
