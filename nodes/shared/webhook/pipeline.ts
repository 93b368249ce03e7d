import type { INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { claimDelivery, deliveryScope, type DedupeOptions } from '../dedupe';
import { buildUnrecognizedItem } from '../envelope';
import { readRouting, routeItems, type OutputTable } from '../routing';
import { redactSecrets } from '../secrets';
import { nowIso } from '../time';
import { readTriggerOptions, type TriggerOptions } from './options';
import { acknowledge, answer, textReply, type WebhookReply } from './reply';
import { receiveRequest, type ReceivedRequest } from './request';

/** What `read` made of a request: the platform's event, or why it is not one (in plain words). */
export type ReadResult<Event> =
	{ recognized: true; event: Event } | { recognized: false; problem: string };

/** What `decode` made of an event: the output items, or why they could not be built. */
export type DecodeResult = { items: INodeExecutionData[] } | { problem: string };

export interface Authentication {
	authenticated: boolean;
	/** Secrets the request may carry, replaced wherever its raw body reaches the workflow. */
	secrets: string[];
}

/** How a retried delivery is recognised: the same `key` again within the `window`. */
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

/**
 * What one platform brings to the shared webhook path; everything else is the same for all.
 *
 * `runWebhookPipeline` calls the members in this order, each at most once per request:
 *
 * 1. `fallbackCharset`: the body and query are decoded to text. A body n8n will not hand over is
 *    answered 413/400 at once; no member below is called.
 * 2. `authenticate`: refused requests get `refusal` and nothing else happens (no member below is
 *    called, nothing is flagged).
 * 3. `read`, then `acknowledgement(context, read)`: the reply is chosen once, here, for every
 *    authenticated request, whatever happens next.
 * 4. `isWanted`, for a recognized event only: an unwanted event is acknowledged at once and starts
 *    nothing. Unrecognized requests skip the filter.
 * 5. `delivery` (optional), for wanted and unrecognized requests alike: dedupe happens here, in the
 *    pipeline (`claimDelivery`, per trigger node), never in the adapter. A repeat of a delivery
 *    already acknowledged is acknowledged again and starts nothing; a new one is remembered only
 *    once its reply has gone out with a 2xx.
 * 6. `decode(event)` for a recognized event; when it gives items, `outputKey(event)` names their
 *    output, used when the user chose one output per event type (`outputs.indexOf`; a key not in
 *    the table goes to "Other").
 * 7. Unreadable (`read` or `decode` gave a problem): with "Unrecognized Requests: Discard" the
 *    reply is `rejection(problem)` (or the acknowledgement) and nothing starts; otherwise one flagged
 *    item (`platform`, `receivedAt` in `timeZone`, the body with the `secrets` replaced) goes to
 *    the "Other" output.
 *
 * When the reply is sent: refusals, filtered, repeated and discarded requests are answered at once.
 * A request that starts an execution is acknowledged once n8n has stored it (n8n 2.x; 1.x answers
 * before storing), unless the acknowledgement's status is not 200 (a redirect), which is written at
 * once. See reply.ts.
 *
 * Every member except `authenticate` is synchronous and must not throw: a thrown error fails the
 * request instead of flagging it.
 */
export interface WebhookAdapter<Event> {
	/** The `platform` field of every flagged item. */
	platform: string;
	/** The zone of `receivedAt` in flagged items. */
	timeZone: string;
	/** The platform's legacy charset, for bytes that declare none and are not UTF-8. */
	fallbackCharset: string;
	/** The outputs of "One Output per Event Type"; flagged items go to its `other`. */
	outputs: OutputTable;
	/**
	 * Whether the request carries the right secret or token, and which secrets to replace in a
	 * flagged item's raw body. May read credentials and node parameters; should not throw for a
	 * caller without the secret (that is `authenticated: false`).
	 */
	authenticate(context: IWebhookFunctions, request: ReceivedRequest): Promise<Authentication>;
	/** The reply to a caller without the right secret or token. */
	refusal: WebhookReply;
	/**
	 * The platform's event from the decoded request, or the problem that makes it none. A pure
	 * function of the request: it reads no node parameters.
	 */
	read(request: ReceivedRequest): ReadResult<Event>;
	/** The node's event filter (its "which events" parameters); false starts nothing. */
	isWanted(context: IWebhookFunctions, event: Event, options: TriggerOptions): boolean;
	/**
	 * Identifies a retried delivery; none means every delivery is new. Gets the read even when it
	 * is unrecognized, so a retried unreadable request is not flagged twice when a key can still
	 * be made from it.
	 */
	delivery?(
		read: ReadResult<Event>,
		request: ReceivedRequest,
		options: TriggerOptions,
	): Delivery | undefined;
	/** The output items in the common envelope, or the problem that makes the event unreadable. */
	decode(event: Event, input: DecodeInput): DecodeResult;
	/** The event's key in `outputs`, e.g. its type. */
	outputKey(event: Event): string;
	/**
	 * The reply to every authenticated request the platform should count as delivered: started,
	 * filtered out, repeated, or flagged. Called once per request, right after `read`, with that
	 * read (recognized or not).
	 */
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
