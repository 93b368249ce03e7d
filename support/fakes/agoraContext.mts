/**
 * A minimal stand-in for the n8n execution context the Agora transport needs: getNode,
 * getCredentials and helpers.httpRequestWithAuthentication, which applies the credential's own
 * authenticate() and performs a real HTTP request with fetch, following n8n's options (qs, json
 * body, returnFullResponse, ignoreHttpStatusErrors; an unparsable JSON answer stays a string).
 */
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';

import { AgoraClassroomApi } from '../../credentials/AgoraClassroomApi.credentials';

export interface FakeContext {
	context: IExecuteFunctions;
	calls: IHttpRequestOptions[];
}

const NODE: INode = {
	id: 'agora-test',
	name: 'Agora Classroom',
	type: 'n8n-nodes-edu-events.agoraClassroom',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export function fakeAgoraContext(credentials: ICredentialDataDecryptedObject): FakeContext {
	const credential = new AgoraClassroomApi();
	const calls: IHttpRequestOptions[] = [];
	const httpRequestWithAuthentication = async (
		type: string,
		options: IHttpRequestOptions,
	): Promise<unknown> => {
		if (type !== 'agoraClassroomApi') throw new Error(`unexpected credential type ${type}`);
		if (typeof credential.authenticate !== 'function')
			throw new Error('authenticate must be a function');
		const signed = await credential.authenticate(credentials, options);
		calls.push(signed);
		const url = new URL(signed.url);
		for (const [key, value] of Object.entries(signed.qs ?? {})) {
			if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
		}
		const headers: Record<string, string> = {};
		for (const [key, value] of Object.entries(signed.headers ?? {})) headers[key] = String(value);
		if (signed.body !== undefined) headers['Content-Type'] = 'application/json';
		const response = await fetch(url, {
			method: signed.method ?? 'GET',
			headers,
			body: signed.body === undefined ? undefined : JSON.stringify(signed.body),
			signal: AbortSignal.timeout(signed.timeout ?? 30_000),
		});
		const text = await response.text();
		let body: unknown = text;
		try {
			body = JSON.parse(text);
		} catch {
			// n8n (axios) hands back an unparsable JSON answer as text.
		}
		if (!signed.ignoreHttpStatusErrors && response.status >= 400) {
			throw new Error(`Request failed with status code ${response.status}`);
		}
		return signed.returnFullResponse ? { statusCode: response.status, body, headers: {} } : body;
	};
	const context = {
		getNode: () => NODE,
		getCredentials: async () => credentials,
		helpers: { httpRequestWithAuthentication },
	} as unknown as IExecuteFunctions;
	return { context, calls };
}
