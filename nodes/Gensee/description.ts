import type { INodeProperties } from 'n8n-workflow';

import { routingPropertyPer } from '../shared/routing';
import { triggerOptionsProperty, unrecognizedRequestsOption } from '../shared/webhook/options';
import { rawBodySwitchProperty } from '../shared/webhook/rawBody';
import { COPY_PRODUCTION_URL, PUBLISH_TO_LISTEN } from '../shared/webhook/setupNotice';
import { tokenUrlNotice, webhookAuthenticationProperty } from '../shared/webhookToken';
import { GENSEE_ACTIONS, GENSEE_INTERFACES } from './events';
import { DEFAULT_END_PAGE_MESSAGE, DEFAULT_ROLL_CALL_MESSAGE } from './interfaceReply';

const showForPage = { show: { pageReply: ['page'] } };
const showForRedirect = { show: { pageReply: ['redirect'] } };

export const genseeTriggerProperties: INodeProperties[] = [
	{
		displayName: `${COPY_PRODUCTION_URL}, then paste it into every Gensee URL field you use. Webcast site: 系统管理 → 系统设置 → 集成设置 (直播参会记录外推URL, 直播结束外推URL, Q&A-客户端外推URL, Q&A-Web端外推URL, 点名-触发网页). Training site: 系统管理 → 第三方集成 (课堂参会记录外推URL, 课件观看记录外推URL, 课堂结束外推URL, 协同浏览第三方接口). The node tells the callbacks apart; add ?kind=… (status, vod, qaClient, qaWeb, rollCall, endPage, coBrowse) to a URL to name its interface explicitly. ${PUBLISH_TO_LISTEN}`,
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	webhookAuthenticationProperty,
	tokenUrlNotice('gensee', 'every URL you paste into Gensee'),
	{
		displayName: 'Trigger On',
		name: 'interfaces',
		type: 'multiOptions',
		options: GENSEE_INTERFACES.map((info) => ({
			name: info.name,
			value: info.kind,
			description: info.description,
			action: info.action,
		})),
		default: [],
		description:
			"Which of Gensee's callback interfaces start the workflow. Leave empty for all. Others still get their reply (page, JSON or empty 200) but start nothing.",
	},
	{
		displayName: 'Action Codes',
		name: 'actions',
		type: 'multiOptions',
		options: GENSEE_ACTIONS.map((action) => ({
			name: `${action.code} – ${action.name}`,
			value: String(action.code),
		})),
		default: [],
		description:
			'For live status and courseware viewing callbacks: which Action codes start the workflow. Leave empty for all, including codes Gensee may add later.',
	},
	routingPropertyPer('Interface'),
	{
		displayName: 'Roll Call and End Page Reply',
		name: 'pageReply',
		type: 'options',
		options: [
			{ name: 'Show a Message', value: 'page', description: 'A small page with your message' },
			{
				name: 'Redirect',
				value: 'redirect',
				description: 'Send the browser on to a page of yours',
			},
		],
		default: 'page',
		description:
			"Gensee opens the roll-call and end-page URLs in the attendee's browser: this is what the attendee sees",
	},
	{
		displayName: 'Roll Call Message',
		name: 'rollCallMessage',
		type: 'string',
		typeOptions: { rows: 2 },
		default: DEFAULT_ROLL_CALL_MESSAGE,
		displayOptions: showForPage,
	},
	{
		displayName: 'End Page Message',
		name: 'endPageMessage',
		type: 'string',
		typeOptions: { rows: 2 },
		default: DEFAULT_END_PAGE_MESSAGE,
		displayOptions: showForPage,
	},
	{
		displayName: 'Roll Call Redirect URL',
		name: 'rollCallRedirectUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/checked-in?user={userid}&webcast={webcastid}',
		description:
			"Where to send the browser. {userid} and {webcastid} are replaced by the request's values; n8n expressions work too.",
		displayOptions: showForRedirect,
	},
	{
		displayName: 'End Page Redirect URL',
		name: 'endPageRedirectUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/survey?user={userid}&class={confid}',
		description:
			"Where to send the browser. {userid}, {confid} and {username} are replaced by the request's values; n8n expressions work too.",
		displayOptions: showForRedirect,
	},
	{
		displayName: 'Co-Browse List',
		name: 'coBrowseReply',
		type: 'options',
		options: [
			{ name: 'Name and URL Entries', value: 'entries' },
			{
				name: 'Raw JSON',
				value: 'json',
				description: 'Exactly the JSON your Gensee version expects',
			},
		],
		default: 'entries',
		description:
			"The UTF-8 JSON returned to the teacher's client for its co-browse drop-down (training site lecture halls)",
	},
	{
		displayName: 'Co-Browse Entries',
		name: 'coBrowseEntries',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Entry',
		default: {},
		displayOptions: { show: { coBrowseReply: ['entries'] } },
		description: 'Each entry becomes one object with its name and URL in the returned JSON list',
		options: [
			{
				displayName: 'Entry',
				name: 'entry',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'URL', name: 'url', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Co-Browse JSON',
		name: 'coBrowseJson',
		type: 'json',
		default: '[]',
		displayOptions: { show: { coBrowseReply: ['json'] } },
	},
	triggerOptionsProperty([
		{
			displayName: 'Co-Browse Requests Start the Workflow',
			name: 'emitCoBrowse',
			type: 'boolean',
			default: false,
			description:
				'Whether a co-browse list request also starts the workflow (it is always answered with the list)',
		},
		unrecognizedRequestsOption({
			emit: 'Requests that match no interface, or malformed Q&A XML, start the workflow with "unrecognized: true" and their raw body',
			discardName: 'Discard (Still Answer 200)',
			discard:
				'Answer as the interface requires (an empty 200 for server callbacks) and start nothing',
		}),
	]),
	rawBodySwitchProperty,
];
