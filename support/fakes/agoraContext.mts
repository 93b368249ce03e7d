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
} from 'n8n-workflow';

import { AgoraClassroomApi } from '../../credentials/AgoraClassroomApi.credentials';
import {
	credentialHttp,
	executeContext,
	testNode,
	type ContextBase,
	type Outgoing,
} from './executeContext.mjs';

export interface FakeContext {
	context: IExecuteFunctions;
	calls: IHttpRequestOptions[];
}

const NODE = testNode('agora-test', 'Agora Classroom', 'agoraClassroom');

/** A JSON request with its query and the credential's headers. */
function outgoing(signed: IHttpRequestOptions): Outgoing {
	const url = new URL(signed.url);
	for (const [key, value] of Object.entries(signed.qs ?? {})) {
		if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
	}
	const headers: Record<string, string> = {};
	for (const [key, value] of Object.entries(signed.headers ?? {})) headers[key] = String(value);
	if (signed.body === undefined) return { url, headers };
	headers['Content-Type'] = 'application/json';
	return { url, headers, body: JSON.stringify(signed.body) };
}

/** The Agora node, its credentials, and requests signed by the Agora credential. */
export function agoraContextBase(
	credentials: ICredentialDataDecryptedObject,
	calls: IHttpRequestOptions[] = [],
): ContextBase {
	const http = credentialHttp({
		type: 'agoraClassroomApi',
		credential: new AgoraClassroomApi(),
		credentials,
		calls,
		outgoing,
	});
	return { node: NODE, credentials, http };
}

export function fakeAgoraContext(credentials: ICredentialDataDecryptedObject): FakeContext {
	const calls: IHttpRequestOptions[] = [];
	return { context: executeContext(agoraContextBase(credentials, calls)), calls };
}
