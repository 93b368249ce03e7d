/**
 * Realistic Gensee callbacks for each of the seven interfaces of the 2015 spec, and each Action
 * code. Used by `npm run send` and the end-to-end tests.
 */
import { SampleError, type Delivery, type SamplePlatform } from './types.mjs';

export const GENSEE_SAMPLE_ACTIONS = [
	'101',
	'102',
	'103',
	'104',
	'105',
	'106',
	'107',
	'110',
	'111',
	'112',
] as const;
export const GENSEE_SAMPLE_INTERFACES = [
	'qaClient',
	'qaWeb',
	'rollCall',
	'endPage',
	'coBrowse',
] as const;

const CLASS_NO = 'tz6izG3yLm';
/** Third-party uids exceed 2^31: they must survive as strings. */
const UID = '9934592202';

/** The status (101–110) or courseware (111/112) callback for an Action code. */
export function genseeActionSample(action: string): Record<string, string> {
	const userAction = ['101', '107', '110', '111', '112'].includes(action);
	return {
		ClassNo: ['111', '112'].includes(action) ? 'vod8Hq2LmX' : CLASS_NO,
		Operator: userAction ? UID : '0',
		Action: action,
		Affected: userAction ? UID : '0',
		totalusernum: ['111', '112'].includes(action) ? '3' : '27',
	};
}

export const GENSEE_QA_XML = `<?xml version="1.0" encoding="utf-8" ?>
<webcast id="f35e1dcfcfa944d5ae5eab69341e8507">
<question id="715da0dc-34a2-375e-bb6e-128eabe754bc" time="1400470679" uid="${UID}" uname="张伟">老师，第三章的作业什么时候交？<answer id="a1" time="1400470712" uid="1001" uname="李老师"><![CDATA[下周一之前 <提交到平台>]]></answer><answer id="a2" time="1400470730000" uid="1002" uname="助教"/></question>
<question id="9a0c2f4e-1b7d-4a35-9e0f-3c1d2b4a5e6f" time="1400470801" uid="12345" uname="Li Na">Will the slides be shared?</question>
</webcast>`;

export const GENSEE_WEB_QUESTION = {
	userid: UID,
	name: '王芳',
	question: '回放什么时候可以看？',
	webcastid: 'f35e1dcfcfa944d5ae5eab69341e8507',
};

export const GENSEE_ROLL_CALL = { userid: UID, webcastid: 'f35e1dcfcfa944d5ae5eab69341e8507' };
export const GENSEE_END_PAGE = {
	userid: UID,
	confid: 'f35e1dcfcfa944d5ae5eab69341e8507',
	username: '张伟',
};
export const GENSEE_CO_BROWSE = { roomid: 'hj34hjlh5j23kl5h34lh52l' };

function withToken(
	query: Record<string, string>,
	token: string | undefined,
): Record<string, string> {
	return token ? { ...query, token } : query;
}

export function genseeDelivery(event: string, token?: string): Delivery {
	if ((GENSEE_SAMPLE_ACTIONS as readonly string[]).includes(event)) {
		return {
			label: `gensee ${event}`,
			method: 'GET',
			query: withToken(genseeActionSample(event), token),
		};
	}
	switch (event) {
		case 'qaClient':
			return {
				label: 'gensee qaClient',
				method: 'POST',
				query: withToken({}, token),
				contentType: 'text/plain; charset=utf-8',
				body: GENSEE_QA_XML,
			};
		case 'qaWeb':
			return {
				label: 'gensee qaWeb',
				method: 'POST',
				query: withToken({}, token),
				contentType: 'application/x-www-form-urlencoded',
				body: new URLSearchParams(GENSEE_WEB_QUESTION).toString(),
			};
		case 'rollCall':
			return { label: 'gensee rollCall', method: 'GET', query: withToken(GENSEE_ROLL_CALL, token) };
		case 'endPage':
			return { label: 'gensee endPage', method: 'GET', query: withToken(GENSEE_END_PAGE, token) };
		case 'coBrowse':
			return { label: 'gensee coBrowse', method: 'GET', query: withToken(GENSEE_CO_BROWSE, token) };
		default:
			throw new SampleError(
				`Unknown Gensee event "${event}": use an Action code or an interface name.`,
			);
	}
}

const ALL = [...GENSEE_SAMPLE_ACTIONS, ...GENSEE_SAMPLE_INTERFACES];

export const genseeSamples: SamplePlatform = {
	events: ALL,
	flagsUsage: '[--token T]  (when the trigger uses Token in URL)',
	deliveries(event, { flags }) {
		const names: readonly string[] =
			event === 'all' ? ALL : [event === 'status' ? '103' : event === 'vod' ? '111' : event];
		return names.map((name) => genseeDelivery(name, flags.token));
	},
};
