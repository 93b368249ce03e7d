import type { IWebhookFunctions, IWebhookResponseData, INodeExecutionData } from 'n8n-workflow';

export const TEXT_PLAIN = 'text/plain; charset=utf-8';

/** Exactly what a platform (or an attendee's browser) gets back. */
export interface WebhookReply {
	status: number;
	body: string;
	contentType: string;
	headers?: Record<string, string>;
}

export function textReply(status: number, body: string): WebhookReply {
	return { status, body, contentType: TEXT_PLAIN };
}

/**
 * The status n8n gives a reply it sends for the node: the webhook descriptions declare no
 * `responseCode`, so n8n uses its default.
 */
const STATUS_N8N_SENDS = 200;

/**
 * The webhook description fields `acknowledge` relies on: n8n sends the node's own reply (an empty
 * `responseData` makes it take `webhookResponse`, not its `firstEntryJson` default).
 */
export const ACKNOWLEDGED_BY_N8N = { responseMode: 'onReceived', responseData: '' } as const;

function setHeaders(context: IWebhookFunctions, reply: WebhookReply): void {
	const response = context.getResponseObject();
	response.setHeader('Content-Type', reply.contentType);
	for (const [name, value] of Object.entries(reply.headers ?? {})) response.setHeader(name, value);
}

/** Writes a reply that starts no execution (a refusal, a filtered or repeated delivery) at once. */
export function answer(context: IWebhookFunctions, reply: WebhookReply): IWebhookResponseData {
	setHeaders(context, reply);
	context.getResponseObject().status(reply.status).send(reply.body);
	return { noWebhookResponse: true };
}

/**
 * Starts an execution and acknowledges it. The reply goes back to n8n as `webhookResponse` with
 * the headers already set: for a webhook in `onReceived` mode whose description has an empty
 * `responseData`, n8n 2.x sends that body only after it has stored the execution (and queued it,
 * in queue mode), and answers with an error instead when it could not. n8n 1.x sends it before
 * storing; see the README's delivery guarantee. A reply with another status than n8n sends (a
 * redirect for an attendee's browser) is written at once.
 */
export function acknowledge(
	context: IWebhookFunctions,
	reply: WebhookReply,
	workflowData: INodeExecutionData[][],
): IWebhookResponseData {
	if (reply.status !== STATUS_N8N_SENDS) {
		answer(context, reply);
		return { noWebhookResponse: true, workflowData };
	}
	setHeaders(context, reply);
	return { webhookResponse: reply.body, workflowData };
}
