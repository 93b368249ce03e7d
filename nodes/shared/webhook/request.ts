import type { IWebhookFunctions } from 'n8n-workflow';

import { parseJsonRecord, type JsonRecord } from '../guards';
import { contentTypeCharset, decodeText, xmlDeclarationCharset } from './charset';
import { parseUrlEncoded, type UrlEncodedFields } from './urlEncoded';

/** A webhook request as the node read it itself, from the raw bytes (see rawBody.ts). */
export interface ReceivedRequest {
	method: string;
	/** The Content-Type header as sent. */
	contentType?: string;
	/** The path and query string as sent, e.g. `/webhook/…/gensee?ClassNo=…`. */
	url: string;
	/** The body decoded to text (see charset.ts); empty when there is none. */
	text: string;
	/** The query string, decoded the same way. */
	query: UrlEncodedFields;
	/** The body's fields when it is form-encoded. */
	form?: UrlEncodedFields;
	/** The body when it is a JSON object, whatever content type it came with. */
	json?: JsonRecord;
}

function headerValue(context: IWebhookFunctions, name: string): string | undefined {
	const value = context.getHeaderData()[name];
	return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A body n8n would not hand over: over its size limit, cut off, or not valid gzip/deflate. */
export interface UnreadableRequest {
	unreadable: true;
	/** 413 for a body over the limit, else 400. */
	status: number;
}

function httpStatusOf(error: unknown): number | undefined {
	if (typeof error !== 'object' || error === null) return undefined;
	const status =
		'status' in error ? error.status : 'httpStatusCode' in error ? error.httpStatusCode : undefined;
	return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * The bytes as sent. n8n keeps them when it parsed the body; with our switch on (rawBody.ts) they
 * are read here, n8n applying its size limit and gzip/deflate decoding. A failure is returned, not
 * thrown: thrown from the node, n8n would record a failed execution for the request, even for a
 * caller without the secret.
 */
async function rawBytes(context: IWebhookFunctions): Promise<Buffer | UnreadableRequest> {
	const request = context.getRequestObject();
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') {
		try {
			await request.readRawBody();
		} catch (error) {
			return { unreadable: true, status: httpStatusOf(error) ?? 400 };
		}
	}
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : Buffer.alloc(0);
}

/** The query string with one character per byte: what Node received, percent-escapes still in place. */
function queryBytesText(url: string): string {
	const start = url.indexOf('?');
	const query = start === -1 ? '' : url.slice(start + 1).split('#')[0];
	const oneBytePerCharacter = Array.from(query).every(
		(character) => character.charCodeAt(0) <= 0xff,
	);
	return oneBytePerCharacter ? query : Buffer.from(query, 'utf8').toString('latin1');
}

function jsonObject(text: string): JsonRecord | undefined {
	const trimmed = text.replace(/^\uFEFF/, '').trim();
	return trimmed.startsWith('{') ? parseJsonRecord(trimmed) : undefined;
}

function isFormContentType(contentType: string | undefined): boolean {
	return /^\s*application\/x-www-form-urlencoded\b/i.test(contentType ?? '');
}

/** What arrived, before any of it is decoded. */
export interface RawRequest {
	method: string;
	url: string;
	contentType?: string;
	bytes: Buffer;
}

/**
 * Decodes a request: query and body in the declared charset or, without one, as UTF-8 when valid
 * and in `fallbackCharset` otherwise; form and JSON bodies parsed.
 */
export function decodeRawRequest(raw: RawRequest, fallbackCharset: string): ReceivedRequest {
	const charset = contentTypeCharset(raw.contentType) ?? xmlDeclarationCharset(raw.bytes);
	const text = decodeText(raw.bytes, charset, fallbackCharset);
	return {
		method: raw.method.toUpperCase(),
		contentType: raw.contentType,
		url: raw.url,
		text,
		query: parseUrlEncoded(queryBytesText(raw.url), undefined, fallbackCharset),
		form: isFormContentType(raw.contentType)
			? parseUrlEncoded(raw.bytes.toString('latin1'), charset, fallbackCharset)
			: undefined,
		json: jsonObject(text),
	};
}

/** Reads the whole request from n8n (see rawBody.ts for why the body is still unread). */
export async function receiveRequest(
	context: IWebhookFunctions,
	fallbackCharset: string,
): Promise<ReceivedRequest | UnreadableRequest> {
	const request = context.getRequestObject();
	const bytes = await rawBytes(context);
	if (!Buffer.isBuffer(bytes)) return bytes;
	return decodeRawRequest(
		{
			method: request.method,
			url: request.originalUrl ?? request.url ?? '',
			contentType: headerValue(context, 'content-type'),
			bytes,
		},
		fallbackCharset,
	);
}
