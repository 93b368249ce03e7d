/**
 * A minimal stand-in for the n8n execution context the Gensee node needs: parameters per item,
 * getCredentials, and helpers.httpRequestWithAuthentication, which applies the credential's own
 * authenticate() and performs a real HTTP request with fetch (a form body as n8n's axios sends it
 * for `application/x-www-form-urlencoded`; an unparsable answer stays text).
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';

import { GenseeApi } from '../../credentials/GenseeApi.credentials';
import { Gensee } from '../../nodes/Gensee/Gensee.node';
import {
	credentialHttp,
	itemsContext,
	testNode,
	type HttpWithAuthentication,
	type Outgoing,
} from './executeContext.mjs';

const NODE = testNode('gensee-test', 'Gensee', 'gensee');

function formText(body: unknown): string {
	const form = new URLSearchParams();
	if (typeof body === 'object' && body !== null) {
		for (const [key, value] of Object.entries(body)) form.set(key, String(value));
	}
	return form.toString();
}

/** Every call a form request, its body sent only with POST. */
function outgoing(signed: IHttpRequestOptions): Outgoing {
	const url = new URL(signed.url);
	for (const [key, value] of Object.entries(signed.qs ?? {}))
		url.searchParams.set(key, String(value));
	return {
		url,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: signed.method === 'POST' ? formText(signed.body) : undefined,
	};
}

export function genseeHttp(
	credentials: ICredentialDataDecryptedObject,
	calls: IHttpRequestOptions[] = [],
): HttpWithAuthentication {
	return credentialHttp({
		type: 'genseeApi',
		credential: new GenseeApi(),
		credentials,
		calls,
		outgoing,
	});
}

/** Runs the Gensee node on `perItem` (each item's parameters), as n8n would. */
export async function runGensee(
	credentials: ICredentialDataDecryptedObject,
	perItem: IDataObject[],
	options: { continueOnFail?: boolean; calls?: IHttpRequestOptions[] } = {},
): Promise<INodeExecutionData[]> {
	const base = { node: NODE, credentials, http: genseeHttp(credentials, options.calls) };
	const [output] = await new Gensee().execute.call(itemsContext(base, perItem, options));
	return output ?? [];
}
