import type {
	IAdditionalCredentialOptions,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { credentialStep } from '../../shared/actions/http';
import { apiErrorOptions } from '../../shared/apiError';
import { isRecord } from '../../shared/guards';
import { API_PREFIX, TEACHBASE_CREDENTIAL_TYPE, readTeachbaseCredentials } from './credentials';
import { TeachbaseApiError, errorDetail, networkReason } from './errors';
import { TOKEN_ERROR_NAME, TOKEN_FAILURE_OPENINGS, tokenIsStale } from './token';

export type TeachbaseContext = IExecuteFunctions | ILoadOptionsFunctions;

/** A successful answer: its status, headers (for paging) and parsed body. */
export interface TeachbaseReply {
	status: number;
	headers: Record<string, string>;
	body: unknown;
}

export interface TeachbaseRequestOptions {
	/** Statuses that are answers for this call rather than failures, e.g. 403 "already enrolled". */
	accept?: readonly number[];
}

const REQUEST_TIMEOUT_MS = 30_000;

/** Joins path segments below /endpoint/v1, each URL-encoded on its own. */
export function apiPath(segments: ReadonlyArray<string | number>): string {
	return (
		API_PREFIX +
		segments
			.map((segment) => {
				const text = String(segment);
				if (text === '' || text === '.' || text === '..') {
					throw new Error(`"${text}" cannot be used as an ID in a Teachbase URL.`);
				}
				return '/' + encodeURIComponent(text);
			})
			.join('')
	);
}

function headersOf(value: unknown): Record<string, string> {
	const headers: Record<string, string> = {};
	if (!isRecord(value)) return headers;
	for (const [name, entry] of Object.entries(value)) {
		if (typeof entry === 'string' || typeof entry === 'number') {
			headers[name.toLowerCase()] = String(entry);
		}
	}
	return headers;
}

/**
 * Where an HTTP failure keeps its status and body: n8n wraps the HTTP client's error in a
 * NodeApiError (status in `httpCode`, the client's error in `cause`), but versions differ in the
 * details, so every place is looked at.
 */
export function failureOf(error: unknown): { status: number; body: unknown; reason: string } {
	const reason = networkReason(
		error instanceof Error && error.cause !== undefined ? error.cause : error,
	);
	const candidates: unknown[] = [error];
	if (error instanceof Error && error.cause !== undefined) candidates.push(error.cause);
	for (const candidate of candidates) {
		if (!isRecord(candidate)) continue;
		const response = candidate.response;
		if (isRecord(response) && typeof response.status === 'number') {
			return { status: response.status, body: response.data, reason };
		}
	}
	for (const candidate of candidates) {
		if (!isRecord(candidate)) continue;
		const code = Number(candidate.httpCode);
		if (Number.isInteger(code) && code >= 100) {
			const context = candidate.context;
			return { status: code, body: isRecord(context) ? context.data : undefined, reason };
		}
	}
	return { status: 0, body: undefined, reason };
}

const tokenFailureHint = (): string =>
	'n8n asks Teachbase for an access token with the Client ID and Client Secret of the credential before calling the API.';

/**
 * The token request's own error when that is what failed: n8n runs the credential's
 * preAuthentication inside the call and wraps what it throws.
 */
function tokenErrorIn(error: unknown): { message: string; status: number } | undefined {
	const candidates: unknown[] = [error];
	if (error instanceof Error && error.cause !== undefined) candidates.push(error.cause);
	for (const candidate of candidates) {
		if (!(candidate instanceof Error)) continue;
		const byName = candidate.name === TOKEN_ERROR_NAME;
		if (!byName && !TOKEN_FAILURE_OPENINGS.some((opening) => candidate.message.startsWith(opening)))
			continue;
		const status =
			byName && isRecord(candidate)
				? Number(candidate.tokenStatus)
				: Number(/HTTP (\d{3})/.exec(candidate.message)?.[1] ?? 0);
		return { message: candidate.message, status: Number.isInteger(status) ? status : 0 };
	}
	return undefined;
}

/**
 * Credentials to hand n8n when the stored token is about to run out: the same credential with the
 * token blanked, so n8n's preAuthentication fetches a new one (and saves it) before this call,
 * rather than after a 401. Undefined when the stored token is still good.
 */
async function refreshingCredentials(
	context: TeachbaseContext,
): Promise<IAdditionalCredentialOptions | undefined> {
	const data = await context.getCredentials(TEACHBASE_CREDENTIAL_TYPE);
	const credentials = readTeachbaseCredentials(data);
	if (credentials.accessToken === '' || !tokenIsStale(credentials, Date.now())) return undefined;
	const saved = context.getNode().credentials?.[TEACHBASE_CREDENTIAL_TYPE];
	if (saved?.id === undefined || saved.id === null) return undefined;
	return {
		credentialsDecrypted: {
			id: saved.id,
			name: saved.name,
			type: TEACHBASE_CREDENTIAL_TYPE,
			data: { ...data, accessToken: '' },
		},
	};
}

/**
 * Calls the Teachbase API v1. n8n adds the bearer token, fetches a token when there is none, and
 * fetches a new one and repeats the call once when Teachbase answers 401. A failure (no answer,
 * or an HTTP error the caller did not accept) throws a TeachbaseApiError naming the status,
 * Teachbase's own words and a hint.
 */
export async function teachbaseApiCall(
	this: TeachbaseContext,
	method: IHttpRequestMethods,
	path: ReadonlyArray<string | number>,
	body?: IDataObject,
	qs?: IDataObject,
	options: TeachbaseRequestOptions = {},
): Promise<TeachbaseReply> {
	const { url, additional } = await credentialStep(this.getNode(), async () => {
		const credentials = readTeachbaseCredentials(
			await this.getCredentials(TEACHBASE_CREDENTIAL_TYPE),
		);
		return {
			url: credentials.baseUrl + apiPath(path),
			additional: await refreshingCredentials(this),
		};
	});
	const request: IHttpRequestOptions = {
		method,
		url,
		headers: { Accept: 'application/json' },
		json: true,
		returnFullResponse: true,
		// Rails reads `types[]=1&types[]=2` as a list.
		arrayFormat: 'brackets',
		timeout: REQUEST_TIMEOUT_MS,
	};
	if (body !== undefined) request.body = body;
	if (qs !== undefined) request.qs = qs;

	let failure: unknown;
	try {
		const response: unknown = await this.helpers.httpRequestWithAuthentication.call(
			this,
			TEACHBASE_CREDENTIAL_TYPE,
			request,
			additional,
		);
		return {
			status:
				isRecord(response) && typeof response.statusCode === 'number' ? response.statusCode : 200,
			headers: headersOf(isRecord(response) ? response.headers : undefined),
			body: isRecord(response) && 'body' in response ? response.body : response,
		};
	} catch (error) {
		failure = error;
	}
	// Thrown out here, not in the catch block: lint wants only NodeApiError there.
	const tokenFailure = tokenErrorIn(failure);
	if (tokenFailure !== undefined) {
		throw new NodeApiError(
			this.getNode(),
			{ status: tokenFailure.status },
			apiErrorOptions(tokenFailure, ({ message }) => message, tokenFailureHint),
		);
	}
	const { status, body: answer, reason } = failureOf(failure);
	if (status !== 0 && options.accept?.includes(status) === true) {
		return { status, headers: {}, body: answer };
	}
	const detail = status === 0 ? reason : errorDetail(answer);
	const errorBody: JsonObject = { status, detail: detail ?? null };
	throw new TeachbaseApiError(this.getNode(), { status, detail }, errorBody);
}

/** Like teachbaseApiCall, returning only the body. */
export async function teachbaseApiRequest(
	this: TeachbaseContext,
	method: IHttpRequestMethods,
	path: ReadonlyArray<string | number>,
	body?: IDataObject,
	qs?: IDataObject,
): Promise<unknown> {
	return (await teachbaseApiCall.call(this, method, path, body, qs)).body;
}

/** A parsed answer as an output field (under `raw`), or undefined when Teachbase sent nothing. */
export function rawValue(body: unknown): IDataObject[string] | undefined {
	if (isRecord(body) || Array.isArray(body)) return body;
	if (typeof body === 'string') return body === '' ? undefined : body.slice(0, 2000);
	if (typeof body === 'number' || typeof body === 'boolean') return body;
	return undefined;
}
