import { createHash } from 'crypto';
import type {
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
import { nowIso } from '../shared/time';
import {
	manuallyConfiguredWebhookMethods,
	readRawBodyText,
	replyWithoutExecution,
	requestContentType,
	setReplyContentType,
	TEXT_PLAIN,
} from '../shared/webhookIo';
import {
	checkWebhookTokenCredential,
	hasValidWebhookToken,
} from '../shared/webhookToken';
import { decodeWebhook } from './decode';
import { DEFAULT_DEDUPE_WINDOW_MINUTES, teachbaseTriggerProperties } from './description';
import {
	TEACHBASE_OTHER_OUTPUT,
	TEACHBASE_OUTPUT_NAMES,
	TEACHBASE_PLATFORM,
	teachbaseOutputIndex,
} from './events';
import { readWebhook } from './payload';

/** Teachbase only checks for a 200; the body says the delivery arrived. */
const ACKNOWLEDGEMENT = 'ok';

/** Enough for a busy academy's retry window; each entry is a 64-character hash. */
const MAX_REMEMBERED_BODIES = 2000;

interface TeachbaseOptions {
	deduplicate: boolean;
	dedupeWindowMs: number;
	includeRaw: boolean;
	dropUnrecognized: boolean;
}

function readOptions(value: unknown): TeachbaseOptions {
	const options = isRecord(value) ? value : {};
	const minutes =
		typeof options.dedupeWindowMinutes === 'number' && options.dedupeWindowMinutes > 0
			? options.dedupeWindowMinutes
			: DEFAULT_DEDUPE_WINDOW_MINUTES;
	return {
		deduplicate: options.deduplicate !== false,
		dedupeWindowMs: minutes * 60 * 1000,
		includeRaw: options.includeRaw === true,
		dropUnrecognized: options.unrecognizedRequests === 'drop',
	};
}

export class TeachbaseTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Teachbase Trigger',
		name: 'teachbaseTrigger',
		icon: { light: 'file:teachbase.svg', dark: 'file:teachbase.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter.types.length ? $parameter.types.join(", ") : "All webhook types" }}',
		description:
			'Starts the workflow when Teachbase reports enrolments and progress in courses, sections, quizzes, tasks, SCORM packages and materials',
		defaults: {
			name: 'Teachbase Trigger',
		},
		inputs: [],
		outputs: outputsExpression(TEACHBASE_OUTPUT_NAMES),
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
				// n8n sends `responseData` once it has accepted the execution; without it n8n would
				// answer with the literal text "firstEntryJson".
				responseMode: 'onReceived',
				responseData: ACKNOWLEDGEMENT,
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
		const receivedAt = Date.now();
		if (!(await hasValidWebhookToken(this))) {
			return replyWithoutExecution(this, 403, 'forbidden');
		}

		const rawBody = await readRawBodyText(this);
		const read = readWebhook(rawBody, this.getBodyData());
		const options = readOptions(this.getNodeParameter('options', {}));
		const routing = readRouting(this);

		if (read.recognized) {
			const acceptedTypes = stringList(this.getNodeParameter('types', []));
			const acceptedEvents = stringList(this.getNodeParameter('events', []));
			const { type, event } = read.webhook;
			if (
				(acceptedTypes.length > 0 && !acceptedTypes.includes(type)) ||
				(acceptedEvents.length > 0 && !acceptedEvents.includes(event))
			) {
				return replyWithoutExecution(this, 200, ACKNOWLEDGEMENT);
			}
		} else if (options.dropUnrecognized) {
			return replyWithoutExecution(this, 200, ACKNOWLEDGEMENT);
		}

		if (
			options.deduplicate &&
			isRepeatDelivery(
				deliveryScope(this),
				this.getWorkflowStaticData('node'),
				createHash('sha256').update(rawBody).digest('hex'),
				{ windowMs: options.dedupeWindowMs, maxEntries: MAX_REMEMBERED_BODIES },
				receivedAt,
			)
		) {
			return replyWithoutExecution(this, 200, ACKNOWLEDGEMENT);
		}

		let item: INodeExecutionData;
		let outputIndex: number;
		if (read.recognized) {
			item = decodeWebhook(read.webhook, read.payload, { includeRaw: options.includeRaw, receivedAt });
			outputIndex = teachbaseOutputIndex(read.webhook.type);
		} else {
			item = buildUnrecognizedItem({
				platform: TEACHBASE_PLATFORM,
				receivedAt: nowIso('UTC', receivedAt),
				problem: read.problem,
				contentType: requestContentType(this),
				rawBody,
			});
			outputIndex = TEACHBASE_OTHER_OUTPUT;
		}

		setReplyContentType(this, TEXT_PLAIN);
		return {
			workflowData: routeItems([item], routing, outputIndex, TEACHBASE_OUTPUT_NAMES.length),
		};
	}
}
