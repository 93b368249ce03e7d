import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';

import { credentialStep, responseParts, sendWithCredential } from '../../shared/actions/http';
import { isRecord, parseJsonRecord, type JsonRecord } from '../../shared/guards';
import { readGenseeCredentials, siteApiBase, type GenseeCredentials } from './credentials';
import { GenseeApiError, genseeErrorHint, genseeErrorMessage } from './errors';

export const GENSEE_CREDENTIAL_TYPE = 'genseeApi';

export type GenseeContext = IExecuteFunctions | ILoadOptionsFunctions;

/** A parameter value as Gensee's form takes it; undefined leaves the parameter out. */
export type GenseeParameter = string | number | boolean | undefined;

const REQUEST_TIMEOUT_MS = 60_000;

/** Gensee's `code` as a string: it sends one ("0"), some copies of its API a number. */
export function genseeCode(answer: JsonRecord): string | undefined {
	const { code } = answer;
	if (typeof code === 'string') return code.trim();
	if (typeof code === 'number' && Number.isFinite(code)) return String(code);
	return undefined;
}

function answerRecord(body: unknown): JsonRecord | undefined {
	if (isRecord(body)) return body;
	if (typeof body === 'string') return parseJsonRecord(body.trim());
	if (Buffer.isBuffer(body)) return parseJsonRecord(body.toString('utf8').trim());
	return undefined;
}

function formBody(parameters: Record<string, GenseeParameter>): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(parameters)) {
		if (value !== undefined) body[key] = String(value);
	}
	return body;
}

/** The saved credential, read and checked; a problem becomes a NodeOperationError saying what to fix. */
export async function genseeCredentials(this: GenseeContext): Promise<GenseeCredentials> {
	return await credentialStep(this.getNode(), async () =>
		readGenseeCredentials(await this.getCredentials(GENSEE_CREDENTIAL_TYPE)),
	);
}

/**
 * Calls one endpoint of Gensee's integration API (`endpoint` below
 * `/integration/site/{training|webcast}/`) with a form POST, the credential adding the login.
 * Returns Gensee's whole answer when its `code` is "0"; anything else (no answer, an answer that
 * is not Gensee's JSON, an HTTP error, another code) throws a GenseeApiError with a hint.
 */
export async function genseeApiRequest(
	this: GenseeContext,
	endpoint: string,
	parameters: Record<string, GenseeParameter>,
): Promise<JsonRecord> {
	const credentials = await genseeCredentials.call(this);
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: siteApiBase(credentials) + endpoint,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: formBody(parameters),
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: REQUEST_TIMEOUT_MS,
	};

	const response = await sendWithCredential(this, GENSEE_CREDENTIAL_TYPE, request, (reason) => {
		const failure = { status: 0, message: reason, endpoint };
		return { message: genseeErrorMessage(failure), description: genseeErrorHint(failure) };
	});

	const { status, body } = responseParts(response);
	const answer = answerRecord(body);
	const code = answer === undefined ? undefined : genseeCode(answer);
	if (answer !== undefined && status >= 200 && status < 300 && code === '0') return answer;

	const message =
		answer !== undefined && typeof answer.message === 'string' ? answer.message : undefined;
	const errorBody: JsonObject =
		answer === undefined
			? { status, body: typeof body === 'string' ? body.slice(0, 500) : null }
			: { status, code: code ?? null, message: message ?? null };
	throw new GenseeApiError(
		this.getNode(),
		{ status, code, message: message || undefined, endpoint },
		errorBody,
	);
}
