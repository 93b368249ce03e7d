import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const TEACHBASE_CREDENTIAL_TYPE = 'teachbaseApi';

export const DEFAULT_TEACHBASE_URL = 'https://go.teachbase.ru';

/** Every API call hangs below this prefix; the token endpoint does not. */
export const API_PREFIX = '/endpoint/v1';

export const TOKEN_PATH = '/oauth/token';

export interface TeachbaseCredentials {
	clientId: string;
	clientSecret: string;
	/** Scheme, host and optional port, without a trailing slash. */
	baseUrl: string;
	/** The token n8n keeps in the credential; empty until the first call. */
	accessToken: string;
	/** When to replace that token (shortly before it runs out), in epoch milliseconds; undefined when unknown. */
	renewAt?: number;
}

const BASE_URL = /^https?:\/\/[^/?#\s]+$/i;

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** The base URL as saved, trimmed of spaces and trailing slashes, or the default. */
export function baseUrlOf(data: ICredentialDataDecryptedObject): string {
	return (text(data.baseUrl) || DEFAULT_TEACHBASE_URL).replace(/\/+$/, '');
}

function expiryOf(value: unknown): number | undefined {
	const parsed = typeof value === 'number' ? value : Number(text(value));
	return Number.isFinite(parsed) && parsed > 0 ? parsed : undefined;
}

/** Reads and checks the saved credential; throws an Error whose message says what to fix. */
export function readTeachbaseCredentials(
	data: ICredentialDataDecryptedObject,
): TeachbaseCredentials {
	const clientId = text(data.clientId);
	const clientSecret = text(data.clientSecret);
	if (clientId === '' || clientSecret === '') {
		throw new Error(
			'The Client ID and Client Secret must both be filled in: copy them from the API application in Teachbase (Settings → API and integrations).',
		);
	}
	const baseUrl = baseUrlOf(data);
	if (!BASE_URL.test(baseUrl)) {
		throw new Error(
			'The base URL must look like https://go.teachbase.ru: http:// or https://, a host and optionally a port, nothing after it.',
		);
	}
	return {
		clientId,
		clientSecret,
		baseUrl,
		accessToken: text(data.accessToken),
		renewAt: expiryOf(data.renewAt),
	};
}
