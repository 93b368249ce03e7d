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
 * Writes the reply and tells n8n not to add one; `workflowData` starts an execution. Every reply
 * is written here, so status, content type and body are exact on every n8n version and do not
 * wait for the workflow.
 */
export function answer(
	context: IWebhookFunctions,
	reply: WebhookReply,
	workflowData?: INodeExecutionData[][],
): IWebhookResponseData {
	const response = context.getResponseObject();
	response.status(reply.status).setHeader('Content-Type', reply.contentType);
	for (const [name, value] of Object.entries(reply.headers ?? {})) response.setHeader(name, value);
	response.send(reply.body);
	return workflowData === undefined
		? { noWebhookResponse: true }
		: { noWebhookResponse: true, workflowData };
}
