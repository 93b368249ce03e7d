import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { outputsExpression } from '../shared/routing';
import { agoraClassroomTriggerProperties } from './trigger/description';
import { AGORA_TRIGGER_OUTPUTS } from './trigger/outputs';
import { pollAgoraClassroom } from './trigger/poll';

export class AgoraClassroomTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Agora Classroom Trigger',
		name: 'agoraClassroomTrigger',
		icon: { light: 'file:agora.svg', dark: 'file:agora.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ $parameter.source === "appQueue" ? "All classrooms" : "Classrooms: " + [].concat($parameter.roomIds).join(", ") }}',
		description:
			'Starts the workflow on new events in Agora Flexible Classroom: classes starting and ending, users joining, leaving or kicked, recordings, quizzes, polls and more',
		defaults: {
			name: 'Agora Classroom Trigger',
		},
		polling: true,
		inputs: [],
		outputs: outputsExpression(AGORA_TRIGGER_OUTPUTS),
		credentials: [
			{
				name: 'agoraClassroomApi',
				required: true,
			},
		],
		properties: agoraClassroomTriggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollAgoraClassroom(this);
	}
}
