import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isRecord } from '../guards';

/** Where the action nodes, the poller and the list searches call a platform's API from. */
export type ApiContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

/** What was thrown, in words. */
export function thrownMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Runs a step that reads the saved credential: what it throws becomes a NodeOperationError. */
export async function credentialStep<T>(node: INode, step: () => Promise<T>): Promise<T> {
	try {
		return await step();
	} catch (error) {
		throw new NodeOperationError(node, thrownMessage(error));
	}
}

/** A full response's HTTP status and body; status 0 when it carries none. */
export function responseParts(response: unknown): { status: number; body: unknown } {
	if (isRecord(response) && typeof response.statusCode === 'number') {
		return { status: response.statusCode, body: response.body };
	}
	return { status: 0, body: response };
}

/**
 * Sends a request with the credential's authentication. No HTTP answer at all (refused, timed
 * out, DNS) throws a NodeApiError with the platform's message and hint for the reason.
 */
export async function sendWithCredential(
	context: ApiContext,
	credentialType: string,
	request: IHttpRequestOptions,
	explainNoAnswer: (reason: string) => { message: string; description: string },
): Promise<unknown> {
	try {
		return await context.helpers.httpRequestWithAuthentication.call(
			context,
			credentialType,
			request,
		);
	} catch (error) {
		const reason = thrownMessage(error);
		throw new NodeApiError(context.getNode(), { message: reason }, explainNoAnswer(reason));
	}
}
