import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { outputsExpression } from '../shared/routing';
import { chosenLabelsSubtitle, labelsOf } from '../shared/subtitle';
import { manuallyConfiguredWebhookMethods } from '../shared/webhook/lifecycle';
import { runWebhookPipeline } from '../shared/webhook/pipeline';
import { ACKNOWLEDGED_BY_N8N } from '../shared/webhook/reply';
import { webhookTokenMethods } from '../shared/webhookToken';
import { genseeAdapter } from './adapter';
import { genseeTriggerProperties } from './description';
import { GENSEE_INTERFACES, GENSEE_OUTPUTS } from './events';

const WEBHOOK_PATH = 'gensee';

export class GenseeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gensee Trigger',
		name: 'genseeTrigger',
		icon: { light: 'file:gensee.svg', dark: 'file:gensee.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: chosenLabelsSubtitle(
			'interfaces',
			labelsOf(
				GENSEE_INTERFACES,
				(info) => info.kind,
				(info) => info.name,
			),
			'All callbacks',
		),
		// n8n's node panel lists this trigger with the Gensee node as one entry and shows the
		// trigger's description there, so it describes both.
		description:
			"Create and look up Gensee (展视互动) rooms and webcasts, read Gensee's own record of attendance, Q&A and roll calls, and start workflows on webinar and class callbacks: attendance and live status, courseware viewing, Q&A, roll call, end page and co-browse",
		defaults: {
			name: 'Gensee Trigger',
		},
		inputs: [],
		outputs: outputsExpression(GENSEE_OUTPUTS),
		credentials: [
			{
				name: 'eduWebhookTokenApi',
				required: true,
				testedBy: 'webhookTokenFormatCheck',
				displayOptions: { show: { authentication: ['token'] } },
			},
		],
		// Status, courseware, roll-call and end-page callbacks are GETs; Q&A callbacks are POSTs.
		webhooks: [
			{ name: 'default', httpMethod: 'GET', ...ACKNOWLEDGED_BY_N8N, path: WEBHOOK_PATH },
			{ name: 'default', httpMethod: 'POST', ...ACKNOWLEDGED_BY_N8N, path: WEBHOOK_PATH },
		],
		properties: genseeTriggerProperties,
	};

	methods = webhookTokenMethods();

	webhookMethods = manuallyConfiguredWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await runWebhookPipeline(this, genseeAdapter);
	}
}
