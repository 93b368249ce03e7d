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
import { checkWebhookTokenCredential } from '../shared/webhookToken';
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
		description:
			'Starts the workflow when Teachbase reports enrolments and progress in courses, sections, quizzes, tasks, SCORM packages and materials',
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

	methods = {
		credentialTest: {
			webhookTokenFormatCheck: checkWebhookTokenCredential,
		},
	};

	webhookMethods = manuallyConfiguredWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await runWebhookPipeline(this, teachbaseAdapter);
	}
}
