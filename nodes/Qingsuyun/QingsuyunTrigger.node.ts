import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
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
import { qingsuyunAdapter } from './adapter';
import { qingsuyunTriggerProperties } from './description';
import { QINGSUYUN_EVENT_TYPES, QINGSUYUN_OUTPUTS } from './events';

/** Qingsuyun does not document its key's format; anything shorter is a partial paste. */
const MIN_SECRET_KEY_LENGTH = 8;

export class QingsuyunTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Qingsuyun Trigger',
		name: 'qingsuyunTrigger',
		icon: { light: 'file:qingsuyun.svg', dark: 'file:qingsuyun.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: chosenLabelsSubtitle(
			'events',
			labelsOf(
				QINGSUYUN_EVENT_TYPES,
				(eventType) => eventType.type,
				(eventType) => eventType.name,
			),
			'All events',
		),
		description:
			'Starts the workflow when Qingsuyun (轻速云) reports a submitted exam, a completed course or courseware item, or a completed check-in task',
		defaults: {
			name: 'Qingsuyun Trigger',
		},
		inputs: [],
		outputs: outputsExpression(QINGSUYUN_OUTPUTS),
		credentials: [
			{
				name: 'qingsuyunApi',
				required: true,
				testedBy: 'qingsuyunSecretKey',
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// n8n sends the node's acknowledgement once it has stored the execution.
				...ACKNOWLEDGED_BY_N8N,
				path: 'qingsuyun',
			},
		],
		properties: qingsuyunTriggerProperties,
	};

	methods = {
		credentialTest: {
			// Qingsuyun offers no endpoint to check a key against, so only its form is checked.
			async qingsuyunSecretKey(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const secretKey = credential.data?.secretKey;
				if (typeof secretKey !== 'string' || secretKey.trim().length === 0) {
					return {
						status: 'Error',
						message: 'No secret key: copy it from Qingsuyun, 管理端 系统资料 → 密钥',
					};
				}
				if (secretKey.trim() !== secretKey) {
					return {
						status: 'Error',
						message: 'The secret key starts or ends with spaces; paste it again without them',
					};
				}
				if (secretKey.length < MIN_SECRET_KEY_LENGTH) {
					return {
						status: 'Error',
						message: `The secret key is too short (${secretKey.length} characters): copy the whole key from 管理端 系统资料 → 密钥`,
					};
				}
				return {
					status: 'OK',
					message: 'Key saved. Qingsuyun cannot be asked to confirm it: send a test event to check',
				};
			},
		},
	};

	webhookMethods = manuallyConfiguredWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await runWebhookPipeline(this, qingsuyunAdapter);
	}
}
