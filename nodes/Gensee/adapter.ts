import { isChosen } from '../shared/choice';
import { stringList } from '../shared/guards';
import { nowIso } from '../shared/time';
import { authenticateByToken } from '../shared/webhookToken';
import { booleanOption } from '../shared/webhook/options';
import type { WebhookAdapter } from '../shared/webhook/pipeline';
import { textReply } from '../shared/webhook/reply';
import { decodeQaDocument, decodeRequest } from './decode';
import { detectInterface, looksLikeXml } from './detect';
import { GENSEE_OUTPUTS, GENSEE_PLATFORM, GENSEE_TIME_ZONE, type GenseeInterface } from './events';
import { interfaceReply } from './interfaceReply';
import { collectParams, param, type GenseeParams } from './params';
import { parseQaXml } from './qaXml';

export interface GenseeEvent {
	kind: GenseeInterface;
	params: GenseeParams;
}

/**
 * Gensee: seven interfaces on one URL, told apart by their parameters; no signature (an optional
 * token in the URL) and no retries, so every delivery is a new event.
 */
export const genseeAdapter: WebhookAdapter<GenseeEvent> = {
	platform: GENSEE_PLATFORM,
	timeZone: GENSEE_TIME_ZONE,
	fallbackCharset: 'gb18030',
	outputs: GENSEE_OUTPUTS,

	authenticate: authenticateByToken,
	refusal: textReply(403, 'forbidden'),

	read(request) {
		// Client Q&A is XML whatever content type it is sent with; its "form fields" are noise.
		const form = request.form !== undefined && !looksLikeXml(request.text) ? request.form : {};
		const params = collectParams(request.query, form);
		const kind = detectInterface({ method: request.method, params, rawBody: request.text });
		return kind === undefined
			? { recognized: false, problem: 'The request matches none of the Gensee callback interfaces' }
			: { recognized: true, event: { kind, params } };
	},

	isWanted(context, { kind, params }, options) {
		const interfaces = stringList(context.getNodeParameter('interfaces', []));
		if (!isChosen(interfaces, kind)) return false;
		if (kind === 'coBrowse' && !booleanOption(options, 'emitCoBrowse', false)) return false;
		if (kind === 'status' || kind === 'vod') {
			const actions = stringList(context.getNodeParameter('actions', []));
			const code = param(params, 'Action')?.trim() ?? '';
			if (!isChosen(actions, code)) return false;
		}
		return true;
	},

	decode({ kind, params }, { request, receivedAt }) {
		if (kind !== 'qaClient') return { items: [decodeRequest(kind, params, receivedAt)] };
		const parsed = parseQaXml(request.text);
		return parsed.ok
			? { items: decodeQaDocument(parsed.document, params, nowIso(GENSEE_TIME_ZONE, receivedAt)) }
			: { problem: parsed.problem };
	},

	outputKey: ({ kind }) => kind,

	acknowledgement: (context, read) =>
		read.recognized
			? interfaceReply(context, read.event.kind, read.event.params)
			: interfaceReply(context, undefined, {}),
};
