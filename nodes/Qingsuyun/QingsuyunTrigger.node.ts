import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { deliveryScope, isRepeatDelivery } from '../shared/dedupe';
import { buildUnrecognizedItem } from '../shared/envelope';
import { isRecord, stringList } from '../shared/guards';
import { outputsExpression, readRouting, routeItems } from '../shared/routing';
import { redactSecrets, secretsMatch } from '../shared/secrets';
import { nowIso } from '../shared/time';
import {
	manuallyConfiguredWebhookMethods,
	readRawBodyText,
	replyWithoutExecution,
	requestContentType,
	setReplyContentType,
	TEXT_PLAIN,
} from '../shared/webhookIo';
import { decodeCallback } from './decode';
import { qingsuyunTriggerProperties } from './description';
import {
	QINGSUYUN_DEDUPE,
	QINGSUYUN_OTHER_OUTPUT,
	QINGSUYUN_OUTPUT_NAMES,
	QINGSUYUN_PLATFORM,
	QINGSUYUN_TIME_ZONE,
	qingsuyunOutputIndex,
} from './events';
import { readCallback } from './payload';

/** Qingsuyun counts a delivery as done only when the body is exactly this. */
const ACKNOWLEDGEMENT = 'success';

interface QingsuyunOptions {
	includeRaw: boolean;
	rejectUnrecognized: boolean;
}

function readOptions(value: unknown): QingsuyunOptions {
	return {
		includeRaw: isRecord(value) && value.includeRaw === true,
		rejectUnrecognized: isRecord(value) && value.unrecognizedRequests === 'reject',
	};
}

export class QingsuyunTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Qingsuyun Trigger',
		name: 'qingsuyunTrigger',
		icon: { light: 'file:qingsuyun.svg', dark: 'file:qingsuyun.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter.events.length ? $parameter.events.join(", ") : "All events" }}',
		description:
			'Starts the workflow when Qingsuyun (轻速云) reports a submitted exam, a completed course or courseware item, or a completed check-in task',
		defaults: {
			name: 'Qingsuyun Trigger',
		},
		inputs: [],
		outputs: outputsExpression(QINGSUYUN_OUTPUT_NAMES),
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
				// n8n sends `responseData` once it has accepted the execution; without it the reply
				// would be n8n's default JSON, which Qingsuyun counts as a failed delivery.
				responseMode: 'onReceived',
				responseData: ACKNOWLEDGEMENT,
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
					return { status: 'Error', message: 'Enter the secret key from 管理端 系统资料 → 密钥' };
				}
				if (secretKey.trim() !== secretKey) {
					return {
						status: 'Error',
						message: 'The secret key starts or ends with spaces; paste it again without them',
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
		const receivedAt = Date.now();
		const { secretKey } = await this.getCredentials<{ secretKey: string }>('qingsuyunApi');
		const rawBody = await readRawBodyText(this);
		const read = readCallback(rawBody, this.getBodyData());

		const presentedSecret = read.recognized ? read.callback.secretKey : read.presentedSecret;
		if (!secretsMatch(presentedSecret, secretKey)) {
			return replyWithoutExecution(this, 401, 'unauthorized');
		}

		const options = readOptions(this.getNodeParameter('options', {}));
		const routing = readRouting(this);

		let item: INodeExecutionData;
		let outputIndex: number;
		if (read.recognized) {
			const { callback } = read;
			const acceptedTypes = stringList(this.getNodeParameter('events', []));
			if (acceptedTypes.length > 0 && !acceptedTypes.includes(callback.type)) {
				return replyWithoutExecution(this, 200, ACKNOWLEDGEMENT);
			}
			if (
				callback.uuid !== undefined &&
				isRepeatDelivery(
					deliveryScope(this),
					this.getWorkflowStaticData('node'),
					callback.uuid,
					QINGSUYUN_DEDUPE,
					receivedAt,
				)
			) {
				return replyWithoutExecution(this, 200, ACKNOWLEDGEMENT);
			}
			item = decodeCallback(callback, read.payload, {
				includeRaw: options.includeRaw,
				receivedAt,
			});
			outputIndex = qingsuyunOutputIndex(callback.type);
		} else {
			if (options.rejectUnrecognized) {
				return replyWithoutExecution(this, 400, `unrecognized request: ${read.problem}`);
			}
			item = buildUnrecognizedItem({
				platform: QINGSUYUN_PLATFORM,
				receivedAt: nowIso(QINGSUYUN_TIME_ZONE, receivedAt),
				problem: read.problem,
				contentType: requestContentType(this),
				rawBody: redactSecrets(rawBody, [secretKey]),
			});
			outputIndex = QINGSUYUN_OTHER_OUTPUT;
		}

		setReplyContentType(this, TEXT_PLAIN);
		return {
			workflowData: routeItems([item], routing, outputIndex, QINGSUYUN_OUTPUT_NAMES.length),
		};
	}
}
