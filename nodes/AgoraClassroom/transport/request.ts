import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';

import { credentialStep, responseParts, sendWithCredential } from '../../shared/actions/http';
import { isRecord, type JsonRecord } from '../../shared/guards';
import { classroomApiBase, pollingApiBase, readAgoraCredentials } from './credentials';
import { AgoraApiError, agoraErrorHint, agoraErrorMessage } from './errors';

export const AGORA_CREDENTIAL_TYPE = 'agoraClassroomApi';

export type AgoraContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

/** Every Agora answer: `code` 0 means success, `data` holds the result. */
export interface AgoraEnvelope {
	code: number;
	msg: string;
	ts?: number;
	data: unknown;
}

export interface AgoraRequestOptions {
	/** `classroom` (default): `…/edu/apps/{appId}/v2/`; `polling`: the app-wide queue `…/edu/polling/apps/{appId}/v2/`. */
	api?: 'classroom' | 'polling';
	/** Agora answers that are not failures for this call, e.g. 409 "already exists" when creating a room. */
	accept?: (status: number, code: number) => boolean;
}

export interface AgoraReply {
	status: number;
	envelope: AgoraEnvelope;
}

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Joins path segments, each URL-encoded on its own: room and user IDs may hold spaces and
 * `#?&%`, which must not end the path or start a query. An empty, `.` or `..` segment cannot
 * survive URL normalisation (even as `%2E`), so it is refused rather than sent to another path.
 */
export function encodePath(segments: readonly string[]): string {
	for (const segment of segments) {
		if (segment === '' || segment === '.' || segment === '..') {
			throw new Error(
				`"${segment}" cannot be used as an ID in an Agora URL: IDs must not be empty, "." or "..".`,
			);
		}
	}
	return segments.map((segment) => encodeURIComponent(segment)).join('/');
}

function asEnvelope(body: unknown): AgoraEnvelope | undefined {
	if (!isRecord(body) || typeof body.code !== 'number') return undefined;
	return {
		code: body.code,
		msg: typeof body.msg === 'string' ? body.msg : '',
		ts: typeof body.ts === 'number' ? body.ts : undefined,
		data: body.data,
	};
}

/**
 * Calls the Agora Flexible Classroom REST API and returns the whole answer: its HTTP status and
 * the `{code, msg, ts, data}` envelope. Any failure (no answer, an answer that is not Agora's
 * JSON, an HTTP error or a non-zero `code` the caller did not accept) throws an AgoraApiError
 * naming the status, Agora's code and message, and a hint.
 */
export async function agoraApiCall(
	this: AgoraContext,
	method: IHttpRequestMethods,
	path: readonly string[],
	body?: IDataObject,
	qs?: IDataObject,
	options: AgoraRequestOptions = {},
): Promise<AgoraReply> {
	const url = await credentialStep(this.getNode(), async () => {
		const credentials = readAgoraCredentials(await this.getCredentials(AGORA_CREDENTIAL_TYPE));
		const base =
			options.api === 'polling' ? pollingApiBase(credentials) : classroomApiBase(credentials);
		return base + encodePath(path);
	});
	const request: IHttpRequestOptions = {
		method,
		url,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: REQUEST_TIMEOUT_MS,
	};
	if (body !== undefined) request.body = body;
	if (qs !== undefined) request.qs = qs;

	// No HTTP answer at all: a plain NodeApiError without an Agora status.
	const response = await sendWithCredential(this, AGORA_CREDENTIAL_TYPE, request, (reason) => {
		const failure = { status: 0, msg: reason };
		return { message: agoraErrorMessage(failure), description: agoraErrorHint(failure) };
	});

	const { status, body: answer } = responseParts(response);
	const envelope = asEnvelope(answer);
	const succeeded = status >= 200 && status < 300 && envelope?.code === 0;
	if (envelope !== undefined && (succeeded || options.accept?.(status, envelope.code) === true)) {
		return { status, envelope };
	}
	const failure =
		envelope === undefined
			? {
					status,
					msg: status >= 200 && status < 300 ? "the answer is not Agora's JSON" : undefined,
				}
			: { status, code: envelope.code, msg: envelope.msg || undefined };
	const errorBody: JsonObject =
		envelope === undefined
			? { status, body: typeof answer === 'string' ? answer.slice(0, 500) : null }
			: { status, code: envelope.code, msg: envelope.msg, ts: envelope.ts ?? null };
	throw new AgoraApiError(this.getNode(), failure, errorBody);
}

/** Like agoraApiCall, returning only Agora's `data`. */
export async function agoraApiRequest(
	this: AgoraContext,
	method: IHttpRequestMethods,
	path: readonly string[],
	body?: IDataObject,
	qs?: IDataObject,
	options?: AgoraRequestOptions,
): Promise<unknown> {
	const reply = await agoraApiCall.call(this, method, path, body, qs, options);
	return reply.envelope.data;
}

/** `data` as an object, or an empty one when Agora sent none. */
export function dataRecord(data: unknown): JsonRecord {
	return isRecord(data) ? data : {};
}
