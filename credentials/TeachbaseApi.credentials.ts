import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IAuthenticateGeneric,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import {
	DEFAULT_TEACHBASE_URL,
	readTeachbaseCredentials,
} from '../nodes/Teachbase/transport/credentials';
import { requestToken } from '../nodes/Teachbase/transport/token';

export class TeachbaseApi implements ICredentialType {
	name = 'teachbaseApi';

	displayName = 'Teachbase API';

	icon = {
		light: 'file:../nodes/Teachbase/teachbase.svg',
		dark: 'file:../nodes/Teachbase/teachbase.dark.svg',
	} as const;

	documentationUrl =
		'https://github.com/n8n-nodes-edu-events/n8n-nodes-edu-events/blob/main/docs/nodes/teachbase.md';

	properties: INodeProperties[] = [
		{
			displayName:
				'Create an API application in Teachbase: Settings → API and integrations → Add application. Give it any name (the redirect URI can stay empty) and save; the "API public key" it shows is the Client ID and the "API secret key" is the Client Secret.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'The "API public key" of your API application in Teachbase',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The "API secret key" of the same application. n8n exchanges it for an access token that lasts 2 hours and asks for a new one only when that runs out.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_TEACHBASE_URL,
			hint: 'Where n8n sends Teachbase API calls. Not the same as "Allowed HTTP Request Domains" below, which only limits where this credential may be used.',
			description:
				'The Teachbase address: https://go.teachbase.ru. Any http(s)://host[:port] is accepted, e.g. for a gateway.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Renew At',
			name: 'renewAt',
			type: 'hidden',
			default: '',
		},
	];

	// n8n calls this when the token is empty, after a 401, and for the credential test, then saves
	// what it returns into the hidden fields above.
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const issued = await requestToken(this.helpers, readTeachbaseCredentials(credentials));
		return { accessToken: issued.accessToken, renewAt: issued.renewAt };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: `={{ ($credentials.baseUrl || "${DEFAULT_TEACHBASE_URL}").trim().replace(/\\/+$/, "") }}/endpoint/v1/_ping`,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Teachbase issued a token but then rejected it: check that the API application is still active in Teachbase (Settings → API and integrations).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'This base URL does not answer like the Teachbase API (no /endpoint/v1/_ping there): check the base URL, normally https://go.teachbase.ru.',
				},
			},
		],
	};
}
