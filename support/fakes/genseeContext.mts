/**
 * A minimal stand-in for the n8n execution context the Gensee node needs: parameters per item,
 * getCredentials, and helpers.httpRequestWithAuthentication, which applies the credential's own
 * authenticate() and performs a real HTTP request with fetch (a form body as n8n's axios sends it
 * for `application/x-www-form-urlencoded`; an unparsable answer stays text).
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';

import { GenseeApi } from '../../credentials/GenseeApi.credentials';
import { Gensee } from '../../nodes/Gensee/Gensee.node';

const NODE: INode = {
	id: 'gensee-test',
	name: 'Gensee',
	type: 'n8n-nodes-edu-events.gensee',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function formText(body: unknown): string {
	const form = new URLSearchParams();
	if (typeof body === 'object' && body !== null) {
		for (const [key, value] of Object.entries(body)) form.set(key, String(value));
	}
	return form.toString();
}

export function genseeHttp(
	credentials: ICredentialDataDecryptedObject,
	calls: IHttpRequestOptions[] = [],
): (type: string, options: IHttpRequestOptions) => Promise<unknown> {
	const credential = new GenseeApi();
	return async (type, options) => {
		if (type !== 'genseeApi') throw new Error(`unexpected credential type ${type}`);
		if (typeof credential.authenticate !== 'function')
			throw new Error('authenticate must be a function');
		const signed = await credential.authenticate(credentials, options);
		calls.push(signed);
		const url = new URL(signed.url);
		for (const [key, value] of Object.entries(signed.qs ?? {}))
			url.searchParams.set(key, String(value));
		const response = await fetch(url, {
			method: signed.method ?? 'GET',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: signed.method === 'POST' ? formText(signed.body) : undefined,
			signal: AbortSignal.timeout(signed.timeout ?? 30_000),
		});
		const text = await response.text();
		let body: unknown = text;
		try {
			body = JSON.parse(text);
		} catch {
			// n8n (axios) hands back an unparsable answer as text.
		}
		return signed.returnFullResponse ? { statusCode: response.status, body, headers: {} } : body;
	};
}

/** Runs the Gensee node on `perItem` (each item's parameters), as n8n would. */
export async function runGensee(
	credentials: ICredentialDataDecryptedObject,
	perItem: IDataObject[],
	options: { continueOnFail?: boolean; calls?: IHttpRequestOptions[] } = {},
): Promise<INodeExecutionData[]> {
	const context = {
		getNode: () => NODE,
		getCredentials: async () => credentials,
		helpers: { httpRequestWithAuthentication: genseeHttp(credentials, options.calls) },
		getInputData: () => perItem.map(() => ({ json: {} })),
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			const parameters = perItem[itemIndex] ?? {};
			return name in parameters ? parameters[name] : fallback;
		},
		continueOnFail: () => options.continueOnFail === true,
	} as unknown as IExecuteFunctions;
	const [output] = await new Gensee().execute.call(context);
	return output ?? [];
}
