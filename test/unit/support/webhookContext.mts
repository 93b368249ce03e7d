/**
 * One fake `IWebhookFunctions` for the `webhook()` method of every trigger: a request given as
 * raw bytes (as n8n hands it over with its body parser switched off), node parameters,
 * credentials and static data, and the reply the node writes, captured.
 */
import { EventEmitter } from 'node:events';

import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { mock } from 'vitest-mock-extended';

import { receiveRequest, type ReceivedRequest } from '../../../nodes/shared/webhook/request';

export interface FakeRequest {
	method?: 'GET' | 'POST';
	/** The body as sent: text is sent as UTF-8, a Buffer as it is. */
	body?: string | Buffer;
	/** What n8n's body reader throws instead, e.g. raw-body's error for a body over the limit. */
	readError?: Error & { status?: number };
	contentType?: string;
	/** The query string as it appears on the URL, without `?` (percent-escapes kept). */
	query?: string;
	path?: string;
}

export interface FakeNode {
	parameters?: Record<string, unknown>;
	credentials?: Record<string, unknown>;
	staticData?: IDataObject;
	/** Nodes with the same id share dedupe memory. */
	nodeId?: string;
}

export interface CapturedReply {
	status?: number;
	headers: Record<string, string>;
	body?: string;
}

export function fakeWebhookContext(
	request: FakeRequest = {},
	node: FakeNode = {},
): { context: IWebhookFunctions; reply: CapturedReply } {
	const reply: CapturedReply = { headers: {} };
	// Express's response as far as the nodes use it; sending ends it, as 'finish' tells.
	const response = Object.assign(new EventEmitter(), {
		statusCode: 200,
		status(code: number) {
			response.statusCode = code;
			reply.status = code;
			return response;
		},
		setHeader(name: string, value: string) {
			reply.headers[name.toLowerCase()] = value;
			return response;
		},
		send(text: string) {
			reply.body = text;
			response.emit('finish');
			response.emit('close');
			return response;
		},
	});
	const body =
		request.body === undefined
			? Buffer.alloc(0)
			: Buffer.isBuffer(request.body)
				? request.body
				: Buffer.from(request.body, 'utf8');
	const url = `${request.path ?? '/webhook/fake/path'}${request.query ? `?${request.query}` : ''}`;
	// Only what the nodes use of Express's request: method, URL and the raw-body reader.
	const incoming: {
		method: string;
		originalUrl: string;
		url: string;
		rawBody?: Buffer;
		readRawBody: () => Promise<void>;
	} = {
		method: request.method ?? 'POST',
		originalUrl: url,
		url,
		readRawBody: async () => {
			if (request.readError) throw request.readError;
			incoming.rawBody = body;
		},
	};
	const parameters = node.parameters ?? {};
	const staticData = node.staticData ?? {};

	const context = mock<IWebhookFunctions>();
	context.getRequestObject.mockReturnValue(
		incoming as unknown as ReturnType<IWebhookFunctions['getRequestObject']>,
	);
	context.getResponseObject.mockReturnValue(
		response as unknown as ReturnType<IWebhookFunctions['getResponseObject']>,
	);
	context.getHeaderData.mockReturnValue(
		request.contentType === undefined ? {} : { 'content-type': request.contentType },
	);
	context.getCredentials.mockResolvedValue(node.credentials ?? {});
	context.getWorkflowStaticData.mockReturnValue(staticData);
	context.getWorkflow.mockReturnValue({ id: 'workflow', name: 'workflow', active: true });
	context.getMode.mockReturnValue('webhook');
	context.getNode.mockReturnValue({
		id: node.nodeId ?? `node-${Math.random()}`,
		name: 'Trigger',
		type: 'n8n-nodes-edu-events.trigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	});
	context.getNodeParameter.mockImplementation(
		(name: string, fallback?: unknown) =>
			(name in parameters ? parameters[name] : fallback) as never,
	);
	return { context, reply };
}

interface WebhookNode {
	webhook(this: IWebhookFunctions): Promise<IWebhookResponseData>;
}

/**
 * Runs a trigger's `webhook()` and then does what n8n does with its result for a webhook in
 * `onReceived` mode: unless the node wrote the reply itself, n8n starts the execution and sends
 * `webhookResponse` with its default status, 200.
 */
export async function runWebhook(
	node: WebhookNode,
	context: IWebhookFunctions,
): Promise<IWebhookResponseData> {
	const result = await node.webhook.call(context);
	if (result.noWebhookResponse !== true) {
		const body = result.webhookResponse;
		context
			.getResponseObject()
			.status(200)
			.send(typeof body === 'string' ? body : JSON.stringify(body));
	}
	return result;
}

/** The request as the shared pipeline reads it, for the platforms' readers. */
export async function receivedRequest(
	request: FakeRequest,
	fallbackCharset = 'gb18030',
): Promise<ReceivedRequest> {
	const received = await receiveRequest(fakeWebhookContext(request).context, fallbackCharset);
	if ('unreadable' in received)
		throw new Error(`the fake request was unreadable (${received.status})`);
	return received;
}
