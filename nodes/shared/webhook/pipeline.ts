import type { INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { claimDelivery, deliveryScope, type DedupeOptions } from '../dedupe';
import { buildUnrecognizedItem } from '../envelope';
import { readRouting, routeItems, type OutputTable } from '../routing';
import { redactSecrets } from '../secrets';
import { nowIso } from '../time';
import { readTriggerOptions, type TriggerOptions } from './options';
import { acknowledge, answer, textReply, type WebhookReply } from './reply';
import { receiveRequest, type ReceivedRequest } from './request';

export type ReadResult<Event> =
	{ recognized: true; event: Event } | { recognized: false; problem: string };

export type DecodeResult = { items: INodeExecutionData[] } | { problem: string };

export interface Authentication {
	authenticated: boolean;
	/** Secrets the request may carry, replaced wherever its raw body reaches the workflow. */
	secrets: string[];
}

export interface Delivery {
	key: string;
	window: DedupeOptions;
}

export interface DecodeInput {
	request: ReceivedRequest;
	options: TriggerOptions;
	/** Epoch milliseconds. */
	receivedAt: number;
}

/** What one platform brings to the shared webhook path; everything else is the same for all. */
export interface WebhookAdapter<Event> {
	platform: string;
	/** The zone of `receivedAt` in flagged items. */
	timeZone: string;
	/** The platform's legacy charset, for bytes that declare none and are not UTF-8. */
	fallbackCharset: string;
	outputs: OutputTable;
	authenticate(context: IWebhookFunctions, request: ReceivedRequest): Promise<Authentication>;
	/** The reply to a caller without the right secret or token. */
	refusal: WebhookReply;
	read(request: ReceivedRequest): ReadResult<Event>;
	/** The node's event filter. */
	isWanted(context: IWebhookFunctions, event: Event, options: TriggerOptions): boolean;
	/** Identifies a retried delivery; none means every delivery is new. */
	delivery?(
		read: ReadResult<Event>,
		request: ReceivedRequest,
		options: TriggerOptions,
	): Delivery | undefined;
	decode(event: Event, input: DecodeInput): DecodeResult;
	outputKey(event: Event): string;
	/** The reply to every authenticated request the platform should count as delivered. */
	acknowledgement(context: IWebhookFunctions, read: ReadResult<Event>): WebhookReply;
	/** The reply when the user chose to discard unreadable requests; the acknowledgement if unset. */
	rejection?(problem: string): WebhookReply;
}

/** What a flagged item shows of the request: its body, or its URL when it has none; secrets replaced. */
function receivedText(request: ReceivedRequest, secrets: string[]): string {
	return redactSecrets(request.text === '' ? request.url : request.text, secrets);
}

/**
 * Reports whether the reply went out with a 2xx: n8n may still fail to store the execution, or
 * stop before it replies, and then the platform's retry must be taken as new.
 */
function settleWhenAnswered(
	context: IWebhookFunctions,
	settle: (acknowledged: boolean) => void,
): void {
	const response = context.getResponseObject();
	response.once('finish', () => settle(response.statusCode >= 200 && response.statusCode < 300));
	response.once('close', () => settle(false));
}

/**
 * The whole path of a webhook request: read it raw → authenticate → read the platform's event →
 * filter → dedupe → decode, or flag what cannot be read → route → reply in the platform's protocol,
 * once n8n has stored the execution the reply acknowledges.
 * A body n8n will not hand over (over its size limit) cannot be authenticated or flagged: it is
 * refused with n8n's reason and starts nothing.
 */
export async function runWebhookPipeline<Event>(
	context: IWebhookFunctions,
	adapter: WebhookAdapter<Event>,
): Promise<IWebhookResponseData> {
	const receivedAt = Date.now();
	const request = await receiveRequest(context, adapter.fallbackCharset);
	if ('unreadable' in request) {
		const reason =
			request.status === 413 ? 'request body too large' : 'request body could not be read';
		return answer(context, textReply(request.status, reason));
	}
	const { authenticated, secrets } = await adapter.authenticate(context, request);
	if (!authenticated) return answer(context, adapter.refusal);

	const options = readTriggerOptions(context);
	const read = adapter.read(request);
	const acknowledgement = adapter.acknowledgement(context, read);
	if (read.recognized && !adapter.isWanted(context, read.event, options))
		return answer(context, acknowledgement);

	const delivery = adapter.delivery?.(read, request, options);
	if (delivery !== undefined) {
		const claim = await claimDelivery(
			deliveryScope(context),
			context.getWorkflowStaticData('node'),
			delivery.key,
			delivery.window,
			receivedAt,
		);
		if (claim.repeat) return answer(context, acknowledgement);
		settleWhenAnswered(context, claim.settle);
	}

	const routing = readRouting(context);
	const start = (items: INodeExecutionData[], output: number): IWebhookResponseData =>
		acknowledge(
			context,
			acknowledgement,
			routeItems(items, routing, adapter.outputs, () => output),
		);

	let problem: string;
	if (read.recognized) {
		const decoded = adapter.decode(read.event, { request, options, receivedAt });
		if ('items' in decoded)
			return start(decoded.items, adapter.outputs.indexOf(adapter.outputKey(read.event)));
		problem = decoded.problem;
	} else {
		problem = read.problem;
	}
	if (options.unrecognized === 'discard')
		return answer(context, adapter.rejection?.(problem) ?? acknowledgement);
	const flagged = buildUnrecognizedItem({
		platform: adapter.platform,
		receivedAt: nowIso(adapter.timeZone, receivedAt),
		problem,
		contentType: request.contentType,
		rawBody: receivedText(request, secrets),
	});
	return start([flagged], adapter.outputs.other);
}
