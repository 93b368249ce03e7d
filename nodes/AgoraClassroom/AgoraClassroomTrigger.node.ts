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
			'={{ $parameter.source === "appQueue" ? "All classrooms" : [].concat($parameter.roomIds).filter((id) => id).length ? "Classrooms: " + [].concat($parameter.roomIds).filter((id) => id).join(", ") : "No classroom chosen yet" }}',
		// n8n's node panel lists this trigger with the Agora Classroom node as one entry and shows
		// the trigger's description there, so it describes both.
		description:
			'Run Agora Flexible Classroom (声网灵动课堂) classes — create, start and end them, manage users, recordings and breakout groups — and start workflows when classes start or end, users join or leave, quizzes are answered and more',
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
