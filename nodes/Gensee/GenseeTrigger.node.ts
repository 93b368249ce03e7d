import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { buildUnrecognizedItem } from '../shared/envelope';
import { isRecord, stringList } from '../shared/guards';
import { outputsExpression, readRouting, routeItems } from '../shared/routing';
import { nowIso } from '../shared/time';
import {
	manuallyConfiguredWebhookMethods,
	readRawBodyText,
	requestContentType,
	writeReply,
} from '../shared/webhookIo';
import {
	checkWebhookTokenCredential,
	hasValidWebhookToken,
} from '../shared/webhookToken';
import { decodeQaDocument, decodeRequest } from './decode';
import {
	DEFAULT_END_PAGE_MESSAGE,
	DEFAULT_ROLL_CALL_MESSAGE,
	genseeTriggerProperties,
} from './description';
import { detectInterface } from './detect';
import {
	GENSEE_OTHER_OUTPUT,
	GENSEE_OUTPUT_NAMES,
	GENSEE_PLATFORM,
	GENSEE_TIME_ZONE,
	genseeOutputIndex,
	type GenseeInterface,
} from './events';
import { collectParams, param, type GenseeParams } from './params';
import { parseQaXml } from './qaXml';
import { coBrowseListJson, fillRedirectUrl, HTML, isHttpUrl, JSON_UTF8, messagePage } from './replies';

const WEBHOOK_PATH = 'gensee';

function stringParameter(context: IWebhookFunctions, name: string, fallback: string): string {
	const value = context.getNodeParameter(name, fallback);
	return typeof value === 'string' ? value : fallback;
}

/** The page or redirect an attendee's browser gets for the roll-call and end-page interfaces. */
function replyToBrowser(context: IWebhookFunctions, kind: 'rollCall' | 'endPage', params: GenseeParams): void {
	const isRollCall = kind === 'rollCall';
	if (context.getNodeParameter('pageReply', 'page') === 'redirect') {
		const template = stringParameter(context, isRollCall ? 'rollCallRedirectUrl' : 'endPageRedirectUrl', '');
		const target = fillRedirectUrl(template.trim(), params);
		if (isHttpUrl(target)) {
			writeReply(context, 302, '', HTML, { Location: target });
			return;
		}
	}
	const message = isRollCall
		? stringParameter(context, 'rollCallMessage', DEFAULT_ROLL_CALL_MESSAGE)
		: stringParameter(context, 'endPageMessage', DEFAULT_END_PAGE_MESSAGE);
	writeReply(context, 200, messagePage(message), HTML);
}

/** The co-browse drop-down list: the configured entries, or the configured raw JSON if it is valid. */
function coBrowseJson(context: IWebhookFunctions): string {
	if (context.getNodeParameter('coBrowseReply', 'entries') === 'json') {
		const raw = context.getNodeParameter('coBrowseJson', '[]');
		if (typeof raw !== 'string') return JSON.stringify(raw);
		try {
			return JSON.stringify(JSON.parse(raw));
		} catch {
			return '[]';
		}
	}
	return coBrowseListJson(context.getNodeParameter('coBrowseEntries', {}));
}

/** Answers Gensee (or the browser) the way each interface requires. */
function reply(context: IWebhookFunctions, kind: GenseeInterface | undefined, params: GenseeParams): void {
	if (kind === 'rollCall' || kind === 'endPage') replyToBrowser(context, kind, params);
	else if (kind === 'coBrowse') writeReply(context, 200, coBrowseJson(context), JSON_UTF8);
	else writeReply(context, 200, '');
}

function isWanted(context: IWebhookFunctions, kind: GenseeInterface, params: GenseeParams): boolean {
	const interfaces = stringList(context.getNodeParameter('interfaces', []));
	if (interfaces.length > 0 && !interfaces.includes(kind)) return false;
	const options: unknown = context.getNodeParameter('options', {});
	if (kind === 'coBrowse' && !(isRecord(options) && options.emitCoBrowse === true)) return false;
	if (kind === 'status' || kind === 'vod') {
		const actions = stringList(context.getNodeParameter('actions', []));
		const code = param(params, 'Action')?.trim() ?? '';
		if (actions.length > 0 && !actions.includes(code)) return false;
	}
	return true;
}

type Decoded = { items: INodeExecutionData[] } | { problem: string };

function decode(
	kind: GenseeInterface | undefined,
	params: GenseeParams,
	rawBody: string,
	receivedAt: number,
): Decoded {
	if (kind === undefined) return { problem: 'The request matches none of the Gensee callback interfaces' };
	if (kind !== 'qaClient') return { items: [decodeRequest(kind, params, receivedAt)] };
	const parsed = parseQaXml(rawBody);
	return parsed.ok
		? { items: decodeQaDocument(parsed.document, params, nowIso(GENSEE_TIME_ZONE, receivedAt)) }
		: { problem: parsed.problem };
}

export class GenseeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Gensee Trigger',
		name: 'genseeTrigger',
		icon: { light: 'file:gensee.svg', dark: 'file:gensee.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter.interfaces.length ? $parameter.interfaces.join(", ") : "All callbacks" }}',
		description:
			'Starts the workflow on Gensee (展视互动) webinar and class callbacks: attendance and live status, courseware viewing, Q&A, roll call, end page and co-browse',
		defaults: {
			name: 'Gensee Trigger',
		},
		inputs: [],
		outputs: outputsExpression(GENSEE_OUTPUT_NAMES),
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
			{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', path: WEBHOOK_PATH },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: WEBHOOK_PATH },
		],
		properties: genseeTriggerProperties,
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
			writeReply(this, 403, 'forbidden');
			return { noWebhookResponse: true };
		}

		const request = this.getRequestObject();
		const method = request.method.toUpperCase();
		const rawBody = method === 'POST' ? await readRawBodyText(this) : '';
		const params = collectParams(this.getQueryData(), method === 'POST' ? this.getBodyData() : {});
		const kind = detectInterface({ method, params, rawBody });

		// The reply never waits for the workflow: browsers and Gensee's servers get it at once.
		reply(this, kind, params);
		if (kind !== undefined && !isWanted(this, kind, params)) return { noWebhookResponse: true };

		const decoded = decode(kind, params, rawBody, receivedAt);
		let items: INodeExecutionData[];
		if ('items' in decoded) {
			items = decoded.items;
		} else {
			const options: unknown = this.getNodeParameter('options', {});
			if (isRecord(options) && options.unrecognizedRequests === 'drop') return { noWebhookResponse: true };
			items = [
				buildUnrecognizedItem({
					platform: GENSEE_PLATFORM,
					receivedAt: nowIso(GENSEE_TIME_ZONE, receivedAt),
					problem: decoded.problem,
					contentType: requestContentType(this),
					// A GET has no body: its query string is what was received (without the token).
					rawBody: rawBody === '' ? request.originalUrl.replace(/([?&]token=)[^&]*/gi, '$1[redacted]') : rawBody,
				}),
			];
		}

		const routing = readRouting(this);
		const outputIndex = 'items' in decoded && kind !== undefined ? genseeOutputIndex(kind) : GENSEE_OTHER_OUTPUT;
		return {
			noWebhookResponse: true,
			workflowData: routeItems(items, routing, outputIndex, GENSEE_OUTPUT_NAMES.length),
		};
	}
}
