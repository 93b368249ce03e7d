import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
	INodeProperties,
	IWebhookFunctions,
} from 'n8n-workflow';

import { secretsMatch } from './secrets';
import type { Authentication } from './webhook/pipeline';
import type { ReceivedRequest } from './webhook/request';

/** The query parameter that carries the token on URLs handed to platforms that cannot sign. */
export const TOKEN_QUERY_PARAMETER = 'token';

const MIN_TOKEN_LENGTH = 16;

export const webhookAuthenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{
			name: 'None',
			value: 'none',
			description:
				'Anyone who knows the URL can send events; the URL itself is long and unguessable',
		},
		{
			name: 'Token in URL',
			value: 'token',
			description: `Requests must carry ?${TOKEN_QUERY_PARAMETER}=YOUR_TOKEN; others are refused with 403`,
		},
	],
	default: 'none',
	description:
		'The platform cannot sign its requests, so a secret token in the URL is the way to keep strangers out',
};

/** Shown with Token in URL: how the token goes on the URL handed to the platform. */
export function tokenUrlNotice(webhookPath: string, where: string): INodeProperties {
	return {
		displayName: `Add ?${TOKEN_QUERY_PARAMETER}=YOUR_TOKEN (the token saved in the credential) to ${where}, e.g. https://n8n.example.com/webhook/…/${webhookPath}?${TOKEN_QUERY_PARAMETER}=YOUR_TOKEN`,
		name: 'tokenNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['token'] } },
	};
}

/** Lets a request in when no authentication was chosen, or when its URL carries the right token. */
export async function authenticateByToken(
	context: IWebhookFunctions,
	request: ReceivedRequest,
): Promise<Authentication> {
	if (context.getNodeParameter('authentication', 'none') !== 'token')
		return { authenticated: true, secrets: [] };
	const { token } = await context.getCredentials<{ token: string }>('eduWebhookTokenApi');
	return {
		authenticated: secretsMatch(request.query[TOKEN_QUERY_PARAMETER], token),
		secrets: [token],
	};
}

/** The token cannot be checked against the platform; this catches the mistakes that can be seen. */
export async function checkWebhookTokenCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const token = credential.data?.token;
	const length = typeof token === 'string' ? token.length : 0;
	if (typeof token !== 'string' || length < MIN_TOKEN_LENGTH) {
		return {
			status: 'Error',
			message: `The token is too short (${length} ${length === 1 ? 'character' : 'characters'}): make up one of at least ${MIN_TOKEN_LENGTH}, e.g. with a password generator. Nothing was contacted; only the token itself is checked.`,
		};
	}
	if (!/^[A-Za-z0-9._~-]+$/.test(token)) {
		return {
			status: 'Error',
			message:
				'The token contains characters a URL would need escaped: use only letters, digits and . _ ~ -',
		};
	}
	return { status: 'OK', message: 'Token looks good. Add it to the URL as ?token=…' };
}

/**
 * The `methods` of a trigger protected by Token in URL: its credential test, under the name the
 * node description's credential entry names in `testedBy`. That entry stays written out in each
 * node because n8n's lint reads it there (credential-test-required, valid-credential-references).
 */
export function webhookTokenMethods() {
	return { credentialTest: { webhookTokenFormatCheck: checkWebhookTokenCredential } };
}
