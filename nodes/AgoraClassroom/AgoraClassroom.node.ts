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
		// Each operation's action, by resource:operation (n8n's lint wants the subtitle written out;
		// test/unit/nodes/agoraParameters checks it against the operations).
		subtitle:
			'={{ ({"room:create":"Create a classroom","room:deleteProperties":"Delete classroom properties","room:endClass":"End a class","room:get":"Get a classroom","room:getAttendance":"Get class attendance","room:setState":"Set the class state","room:startClass":"Start a class","room:updateProperties":"Update classroom properties","user:deleteProperties":"Delete user properties","user:get":"Get a user","user:kick":"Kick a user","user:updateProperties":"Update user properties","recording:getMany":"Get many recordings","recording:pauseResume":"Pause or resume a recording","recording:start":"Start a recording","recording:stop":"Stop a recording","breakoutGroup:close":"Close breakout groups","breakoutGroup:open":"Open breakout groups","event:getMany":"Get many events","event:getWidgetEvents":"Get quiz or poll events"})[$parameter.resource + ":" + $parameter.operation] || $parameter.operation }}',
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
					{
						name: 'Classroom',
						value: 'room',
						description: 'A classroom and the class held in it',
					},
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
