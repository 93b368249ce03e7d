import type { IWebhookFunctions } from 'n8n-workflow';

import { textReply, type WebhookReply } from '../shared/webhook/reply';
import type { GenseeInterface } from './events';
import type { GenseeParams } from './params';
import {
	coBrowseListJson,
	fillRedirectUrl,
	HTML,
	isHttpUrl,
	JSON_UTF8,
	messagePage,
} from './replies';

/** The pages an attendee sees when the node's options set no message of their own. */
export const DEFAULT_ROLL_CALL_MESSAGE =
	'签到成功。\nRoll call recorded — you can close this page.';
export const DEFAULT_END_PAGE_MESSAGE =
	'感谢您的参与！\nThank you for attending — you can close this page.';

function stringParameter(context: IWebhookFunctions, name: string, fallback: string): string {
	const value = context.getNodeParameter(name, fallback);
	return typeof value === 'string' ? value : fallback;
}

/** The page or redirect an attendee's browser gets for the roll-call and end-page interfaces. */
function browserReply(
	context: IWebhookFunctions,
	kind: 'rollCall' | 'endPage',
	params: GenseeParams,
): WebhookReply {
	const isRollCall = kind === 'rollCall';
	if (context.getNodeParameter('pageReply', 'page') === 'redirect') {
		const template = stringParameter(
			context,
			isRollCall ? 'rollCallRedirectUrl' : 'endPageRedirectUrl',
			'',
		);
		const target = fillRedirectUrl(template.trim(), params);
		if (isHttpUrl(target))
			return { status: 302, body: '', contentType: HTML, headers: { Location: target } };
	}
	const message = isRollCall
		? stringParameter(context, 'rollCallMessage', DEFAULT_ROLL_CALL_MESSAGE)
		: stringParameter(context, 'endPageMessage', DEFAULT_END_PAGE_MESSAGE);
	return { status: 200, body: messagePage(message), contentType: HTML };
}

/** The co-browse drop-down list: the configured entries, or the configured raw JSON if it is valid. */
function coBrowseJson(context: IWebhookFunctions): string {
	if (context.getNodeParameter('coBrowseReply', 'entries') === 'json') {
		const raw = context.getNodeParameter('coBrowseJson', '[]');
		if (typeof raw !== 'string') return JSON.stringify(raw);
		try {
			return JSON.stringify(JSON.parse(raw));
		} catch {
			return '[]';
		}
	}
	return coBrowseListJson(context.getNodeParameter('coBrowseEntries', {}));
}

/** What each interface answers: a page or redirect for browsers, JSON for co-browse, else an empty 200. */
export function interfaceReply(
	context: IWebhookFunctions,
	kind: GenseeInterface | undefined,
	params: GenseeParams,
): WebhookReply {
	if (kind === 'rollCall' || kind === 'endPage') return browserReply(context, kind, params);
	if (kind === 'coBrowse')
		return { status: 200, body: coBrowseJson(context), contentType: JSON_UTF8 };
	return textReply(200, '');
}
