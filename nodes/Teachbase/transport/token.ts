import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { isRecord } from '../../shared/guards';
import { networkReason } from './errors';
import { TOKEN_PATH, type TeachbaseCredentials } from './credentials';

/** Teachbase's tokens live 2 hours; assumed when an answer leaves `expires_in` out. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 7200;

/** A token is replaced this long before it runs out: 60 s, or a tenth of a shorter lifetime. */
export function refreshMarginMs(lifetimeSeconds: number): number {
	return Math.min(60_000, lifetimeSeconds * 100);
}

const TOKEN_TIMEOUT_MS = 30_000;

/** What n8n stores in the credential's hidden fields after a token request. */
export interface IssuedToken {
	accessToken: string;
	/** Epoch milliseconds, a little before the token runs out, after which the node replaces it. */
	renewAt: string;
}

export const TOKEN_ERROR_NAME = 'TeachbaseTokenError';

/** How every token failure message starts; n8n 1.x drops the error's cause, so it is told by its words. */
export const TOKEN_FAILURE_OPENINGS = [
	'Teachbase refused the Client ID or Client Secret',
	'Could not reach Teachbase at ',
	'Teachbase has no token endpoint',
	'Teachbase could not issue a token',
	'Teachbase did not issue a token',
	'Teachbase answered the token request',
] as const;

/** A token request that failed, with a message that says which part is wrong. */
export class TeachbaseTokenError extends Error {
	constructor(
		message: string,
		/**
		 * 0 when Teachbase could not be reached at all. Not named `status`: n8n would read that as
		 * the error's HTTP code and swap the message for its generic one.
		 */
		readonly tokenStatus: number,
	) {
		super(message);
		this.name = TOKEN_ERROR_NAME;
	}
}

function oauthError(body: unknown): string {
	if (!isRecord(body)) return '';
	const code = typeof body.error === 'string' ? body.error : '';
	const detail =
		typeof body.error_description === 'string' ? body.error_description.slice(0, 200) : '';
	return [code, detail].filter((part) => part !== '').join(': ');
}

/** Explains a non-200 answer of /oauth/token in plain words. */
export function tokenFailureMessage(status: number, body: unknown): string {
	const said = oauthError(body);
	const suffix = said === '' ? '' : ` (Teachbase said: ${said})`;
	if (status === 400 || status === 401 || status === 403) {
		return `Teachbase refused the Client ID or Client Secret: HTTP ${status}${suffix}. Copy both again from Teachbase: Settings → API and integrations, the "API public key" and "API secret key" of your application.`;
	}
	if (status === 404) {
		return `Teachbase has no token endpoint at this base URL (HTTP 404 for ${TOKEN_PATH}): check the base URL in the credential, normally https://go.teachbase.ru.`;
	}
	if (status >= 500) {
		return `Teachbase could not issue a token right now: HTTP ${status}${suffix}. Try again shortly.`;
	}
	return `Teachbase did not issue a token: HTTP ${status}${suffix}.`;
}

/** Reads `expires_in`, which Doorkeeper sends as a number (7200); a numeric string is accepted too. */
function lifetimeOf(body: Record<string, unknown>): number {
	const value = Number(body.expires_in);
	return Number.isFinite(value) && value > 0 ? value : DEFAULT_TOKEN_LIFETIME_SECONDS;
}

/**
 * Asks Teachbase for a client-credentials token. The secret goes in a form body, not the query
 * string the help page shows, so it stays out of proxy and server logs; Teachbase accepts both.
 */
export async function requestToken(
	helpers: IHttpRequestHelper['helpers'],
	credentials: TeachbaseCredentials,
	now: () => number = Date.now,
): Promise<IssuedToken> {
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: credentials.baseUrl + TOKEN_PATH,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: credentials.clientId,
			client_secret: credentials.clientSecret,
			scope: 'public',
		}).toString(),
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: TOKEN_TIMEOUT_MS,
	};
	const requestedAt = now();
	let response: unknown;
	let unreachable: string | undefined;
	try {
		response = await helpers.httpRequest(request);
	} catch (error) {
		unreachable = networkReason(error);
	}
	if (unreachable !== undefined) {
		throw new TeachbaseTokenError(
			`Could not reach Teachbase at ${credentials.baseUrl}: ${unreachable}. Check the base URL in the credential and the network.`,
			0,
		);
	}
	const status =
		isRecord(response) && typeof response.statusCode === 'number' ? response.statusCode : 0;
	const body: unknown = isRecord(response) ? response.body : undefined;
	if (status !== 200) throw new TeachbaseTokenError(tokenFailureMessage(status, body), status);
	if (!isRecord(body) || typeof body.access_token !== 'string' || body.access_token === '') {
		throw new TeachbaseTokenError(
			'Teachbase answered the token request without an access_token: check that the base URL points at Teachbase itself, not at a page in front of it.',
			status,
		);
	}
	const lifetime = lifetimeOf(body);
	return {
		accessToken: body.access_token,
		renewAt: String(requestedAt + lifetime * 1000 - refreshMarginMs(lifetime)),
	};
}

/** Whether the stored token should be replaced before the next call: none yet, or near its end. */
export function tokenIsStale(credentials: TeachbaseCredentials, now: number): boolean {
	if (credentials.accessToken === '') return true;
	return credentials.renewAt !== undefined && now >= credentials.renewAt;
}
