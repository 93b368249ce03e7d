import type { IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

export const TEXT_PLAIN = 'text/plain; charset=utf-8';

/**
 * The request body exactly as sent, whatever its content type. n8n keeps the raw bytes of parsed
 * bodies; for content types it does not parse, the body is read here.
 */
export async function readRawBodyText(context: IWebhookFunctions): Promise<string> {
	const request = context.getRequestObject();
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') {
		await request.readRawBody();
	}
	return Buffer.isBuffer(request.rawBody) ? request.rawBody.toString('utf8') : '';
}

export function requestContentType(context: IWebhookFunctions): string | undefined {
	const header = context.getHeaderData()['content-type'];
	return typeof header === 'string' && header.length > 0 ? header : undefined;
}

/** Writes the whole reply; the caller tells n8n not to add one (`noWebhookResponse`). */
export function writeReply(
	context: IWebhookFunctions,
	status: number,
	body: string,
	contentType: string = TEXT_PLAIN,
	headers: Record<string, string> = {},
): void {
	const response = context.getResponseObject();
	response.status(status).setHeader('Content-Type', contentType);
	for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
	response.send(body);
}

/** Writes the whole reply here and tells n8n not to add one; no execution starts. */
export function replyWithoutExecution(
	context: IWebhookFunctions,
	status: number,
	body: string,
	contentType: string = TEXT_PLAIN,
): IWebhookResponseData {
	writeReply(context, status, body, contentType);
	return { noWebhookResponse: true };
}

/**
 * Sets the content type of the reply n8n sends once it has accepted the execution (the body comes
 * from the webhook description's `responseData`).
 */
export function setReplyContentType(context: IWebhookFunctions, contentType: string): void {
	context.getResponseObject().setHeader('Content-Type', contentType);
}

/**
 * Lifecycle methods for a webhook the user pastes into the vendor's admin by hand: there is
 * nothing to register or remove at the vendor.
 */
export const manuallyConfiguredWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
