/**
 * What the stand-ins for n8n's execution context share: the node they report, the credential's
 * own authenticate() in front of a real request, and the items a node runs on.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';

/** The node a context reports: `type` is the package's node name, e.g. `gensee`. */
export function testNode(id: string, name: string, type: string): INode {
	return {
		id,
		name,
		type: `n8n-nodes-edu-events.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
}

export type HttpWithAuthentication = (
	type: string,
	options: IHttpRequestOptions,
) => Promise<unknown>;

/** A signed request as n8n would put it on the wire: the URL with its query, headers and body. */
export interface Outgoing {
	url: URL;
	headers: Record<string, string>;
	body?: string;
}

export interface CredentialHttp {
	/** The credential type the node must ask for, e.g. `genseeApi`. */
	type: string;
	credential: ICredentialType;
	credentials: ICredentialDataDecryptedObject;
	/** Receives every request as the credential signed it. */
	calls: IHttpRequestOptions[];
	outgoing(signed: IHttpRequestOptions): Outgoing;
}

/** An answer as n8n's axios hands it back: JSON parsed, anything else as text. */
function parsedAnswer(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/**
 * helpers.httpRequestWithAuthentication: the credential's own authenticate(), then fetch; a 4xx or
 * 5xx answer throws unless the request ignores status errors, as in n8n.
 */
export function credentialHttp(spec: CredentialHttp): HttpWithAuthentication {
	return async (type, options) => {
		if (type !== spec.type) throw new Error(`unexpected credential type ${type}`);
		const credential = spec.credential;
		if (typeof credential.authenticate !== 'function')
			throw new Error('authenticate must be a function');
		const signed = await credential.authenticate(spec.credentials, options);
		spec.calls.push(signed);
		const { url, headers, body } = spec.outgoing(signed);
		const response = await fetch(url, {
			method: signed.method ?? 'GET',
			headers,
			body,
			signal: AbortSignal.timeout(signed.timeout ?? 30_000),
		});
		const answer = parsedAnswer(await response.text());
		if (!signed.ignoreHttpStatusErrors && response.status >= 400) {
			throw new Error(`Request failed with status code ${response.status}`);
		}
		return signed.returnFullResponse
			? { statusCode: response.status, body: answer, headers: {} }
			: answer;
	};
}

/** What every stand-in context is built on. */
export interface ContextBase {
	node: INode;
	credentials: ICredentialDataDecryptedObject;
	http: HttpWithAuthentication;
}

/** The members every stand-in context has: the node, its credentials, the request helper. */
export function baseMembers(base: ContextBase) {
	return {
		getNode: () => base.node,
		getCredentials: async () => base.credentials,
		helpers: { httpRequestWithAuthentication: base.http },
	};
}

/** An execute context with the base members and `more`; a stand-in has only what the code uses. */
export function executeContext(base: ContextBase, more: object = {}): IExecuteFunctions {
	return { ...baseMembers(base), ...more } as unknown as IExecuteFunctions;
}

/** An execute context running one item per entry of `perItem` (that item's parameters), as n8n would. */
export function itemsContext(
	base: ContextBase,
	perItem: IDataObject[],
	options: { continueOnFail?: boolean } = {},
): IExecuteFunctions {
	return executeContext(base, {
		getInputData: () => perItem.map(() => ({ json: {} })),
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			const parameters = perItem[itemIndex] ?? {};
			return name in parameters ? parameters[name] : fallback;
		},
		continueOnFail: () => options.continueOnFail === true,
	});
}
