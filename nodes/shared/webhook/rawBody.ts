import type { INodeProperties } from 'n8n-workflow';

/**
 * Keeps n8n's body parser away from every request to our webhook triggers.
 *
 * Before a node at typeVersion 1 runs, n8n's `parseRequestBody` (dist/webhooks/webhook-helpers.js)
 * evaluates `$parameter["options"]["binaryData"]`; when that is true it parses nothing, the switch
 * n8n's own Webhook node v1 uses for binary uploads. Otherwise n8n parses the body itself: it
 * answers invalid JSON and XML with a DOCTYPE `422` before the node sees them, and it sends XML
 * through one xml2js parser shared by the whole instance, which two hostile posts can jam for
 * every later `text/xml` request until a restart. With the switch on, the bytes stay unread until
 * `req.readRawBody()` (n8n still applies its size limit and gzip/deflate decoding), and the node
 * parses JSON, form and XML bodies itself (request.ts).
 *
 * This is why the user-facing options of the triggers are named `triggerOptions`: `options` is
 * this hidden parameter, the same on n8n 1.x and 2.x.
 */
export const rawBodySwitchProperty: INodeProperties = {
	displayName: 'Read Request Bodies in the Node',
	name: 'options',
	type: 'hidden',
	default: { binaryData: true },
};
