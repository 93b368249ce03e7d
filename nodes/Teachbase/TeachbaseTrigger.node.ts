import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { outputsExpression } from '../shared/routing';
import { chosenLabels, labelsOf } from '../shared/subtitle';
import { manuallyConfiguredWebhookMethods } from '../shared/webhook/lifecycle';
import { runWebhookPipeline } from '../shared/webhook/pipeline';
import { ACKNOWLEDGED_BY_N8N } from '../shared/webhook/reply';
import { webhookTokenMethods } from '../shared/webhookToken';
import { teachbaseAdapter } from './adapter';
import { teachbaseTriggerProperties } from './description';
import { TEACHBASE_OUTPUTS, TEACHBASE_WEBHOOK_TYPES } from './events';

const TYPES_CHOSEN = `$parameter.types.length ? ${chosenLabels(
	'types',
	labelsOf(
		TEACHBASE_WEBHOOK_TYPES,
		(webhookType) => webhookType.type,
		(webhookType) => webhookType.name,
	),
)} : "All types"`;

export class TeachbaseTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Teachbase Trigger',
		name: 'teachbaseTrigger',
		icon: { light: 'file:teachbase.svg', dark: 'file:teachbase.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: `={{ (${TYPES_CHOSEN}) + ($parameter.events.length === 1 ? ", " + $parameter.events[0] + " only" : "") }}`,
		// n8n's node panel lists this trigger with the Teachbase node as one entry and shows the
		// trigger's description there, so it describes both.
		description:
			'Create people in Teachbase, list courses and sessions, enrol people in sessions, and start workflows when Teachbase reports enrolments and progress in courses, sections, quizzes, tasks, SCORM packages and materials',
		defaults: {
			name: 'Teachbase Trigger',
		},
		inputs: [],
		outputs: outputsExpression(TEACHBASE_OUTPUTS),
		credentials: [
			{
				name: 'eduWebhookTokenApi',
				required: true,
				testedBy: 'webhookTokenFormatCheck',
				displayOptions: { show: { authentication: ['token'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// n8n sends the node's acknowledgement once it has stored the execution.
				...ACKNOWLEDGED_BY_N8N,
				path: 'teachbase',
			},
		],
		properties: teachbaseTriggerProperties,
	};

	methods = webhookTokenMethods();

	webhookMethods = manuallyConfiguredWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await runWebhookPipeline(this, teachbaseAdapter);
	}
}
