import { describe, expect, it } from 'vitest';

import { GenseeTrigger } from '../../../nodes/Gensee/GenseeTrigger.node';

import { decodeQaDocument, decodeRequest, genseeTimeToIso } from '../../../nodes/Gensee/decode';
import { detectInterface } from '../../../nodes/Gensee/detect';
import { genseeAction } from '../../../nodes/Gensee/events';
import { collectParams, param } from '../../../nodes/Gensee/params';
import { parseQaXml } from '../../../nodes/Gensee/qaXml';
import { coBrowseListJson, fillRedirectUrl, messagePage } from '../../../nodes/Gensee/replies';
import {
	GENSEE_CO_BROWSE,
	GENSEE_END_PAGE,
	GENSEE_QA_XML,
	GENSEE_ROLL_CALL,
	GENSEE_WEB_QUESTION,
	genseeActionSample,
} from '../../../support/samples/gensee.mjs';
import {
	fakeWebhookContext,
	runWebhook,
	receivedRequest,
	type FakeRequest,
} from '../support/webhookContext.mjs';

const RECEIVED_AT = Date.UTC(2024, 0, 1, 0, 0, 0);

function detect(params: Record<string, string>, method = 'GET', rawBody = '') {
	return detectInterface({ method, params, rawBody });
}

describe('recognising the Gensee interface of a request', () => {
	it('tells each documented interface by its parameters', () => {
		expect(detect(genseeActionSample('103'))).toBe('status');
		expect(detect(genseeActionSample('111'))).toBe('vod');
		expect(detect({}, 'POST', GENSEE_QA_XML)).toBe('qaClient');
		expect(detect({}, 'POST', `\ufeff  ${GENSEE_QA_XML}`)).toBe('qaClient');
		expect(detect(GENSEE_WEB_QUESTION, 'POST')).toBe('qaWeb');
		expect(detect(GENSEE_ROLL_CALL)).toBe('rollCall');
		expect(detect(GENSEE_END_PAGE)).toBe('endPage');
		expect(detect(GENSEE_CO_BROWSE)).toBe('coBrowse');
		expect(detect({ roomid: 'r', uid: '1' })).toBe('coBrowse');
		expect(detect({ nothing: 'here' })).toBeUndefined();
	});

	it('reads parameter names case-insensitively, exact names first', () => {
		expect(detect({ action: '112', classno: 'v' })).toBe('vod');
		expect(param({ Action: '101', action: '999' }, 'Action')).toBe('101');
		expect(param({ ACTION: '105' }, 'Action')).toBe('105');
	});

	it('lets an explicit kind win, and ignores an unknown kind', () => {
		expect(detect({ ...genseeActionSample('101'), kind: 'endPage' })).toBe('endPage');
		expect(detect({ ...GENSEE_ROLL_CALL, kind: 'bogus' })).toBe('rollCall');
	});

	it('collects query and form parameters, the query winning, the first value of repeated ones, never __proto__', async () => {
		const request = await receivedRequest({
			query: 'a=1&a=2&b=3&__proto__=x',
			body: 'c=4&b=form&__proto__=y',
			contentType: 'application/x-www-form-urlencoded',
		});
		const params = collectParams(request.query, request.form ?? {});
		expect(params).toEqual({ a: '1', b: '3', c: '4' });
		expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
	});
});

describe('decoding status and courseware callbacks', () => {
	it('gives readable names and attendance categories for every documented code', () => {
		const expected: Record<number, string> = {
			101: 'join',
			102: 'session',
			103: 'session',
			104: 'session',
			105: 'session',
			106: 'recording',
			107: 'leave',
			110: 'leave',
			111: 'playback',
			112: 'playback',
		};
		for (const [code, category] of Object.entries(expected)) {
			expect(genseeAction(Number(code))).toMatchObject({ category });
		}
	});

	it('keeps ids as strings and counts as numbers, and passes unknown codes through', () => {
		const { json } = decodeRequest(
			'status',
			{ ...genseeActionSample('101'), Operator: '98765432109876543' },
			RECEIVED_AT,
		);
		expect(json).toMatchObject({
			event: '101',
			eventName: 'User joined',
			Operator: '98765432109876543',
			Action: 101,
			totalusernum: 27,
		});
		const unknown = decodeRequest('status', { ClassNo: 'c', Action: '120' }, RECEIVED_AT).json;
		expect(unknown).toMatchObject({
			event: '120',
			eventName: 'Gensee action 120',
			category: 'unknown',
		});
	});

	it('never outputs the token or kind put on the URL', () => {
		const { json } = decodeRequest(
			'rollCall',
			{ ...GENSEE_ROLL_CALL, token: 'secret-token-123456', kind: 'rollCall' },
			RECEIVED_AT,
		);
		expect(json).not.toHaveProperty('token');
		expect(json).not.toHaveProperty('kind');
	});
});

describe('parsing client Q&A XML', () => {
	it('reads questions, attributes, CDATA and several or empty answers', () => {
		const result = parseQaXml(GENSEE_QA_XML);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.document.webcastId).toBe('f35e1dcfcfa944d5ae5eab69341e8507');
		expect(result.document.questions).toHaveLength(2);
		expect(result.document.questions[0]?.answers).toEqual([
			{
				id: 'a1',
				time: '1400470712',
				uid: '1001',
				uname: '李老师',
				text: '下周一之前 <提交到平台>',
			},
			{ id: 'a2', time: '1400470730000', uid: '1002', uname: '助教', text: '' },
		]);
	});

	it('reads a document preceded by a BOM or blank lines (found by the hostile-input run)', () => {
		for (const body of [
			`\uFEFF${GENSEE_QA_XML}`,
			`\n\n  ${GENSEE_QA_XML}`,
			`\uFEFF\r\n${GENSEE_QA_XML}`,
		]) {
			expect(parseQaXml(body)).toMatchObject({
				ok: true,
				document: { webcastId: 'f35e1dcfcfa944d5ae5eab69341e8507' },
			});
		}
	});

	it('attaches answers standing beside the questions', () => {
		const single = parseQaXml(
			'<webcast id="w"><question id="q">Why?</question><answer id="a">Because</answer></webcast>',
		);
		expect(single.ok && single.document.questions[0]?.answers).toEqual([
			{ id: 'a', text: 'Because' },
		]);
		const several = parseQaXml(
			'<webcast id="w"><question id="q1">A?</question><question id="q2">B?</question><answer qid="q2">b</answer><answer>?</answer></webcast>',
		);
		expect(several.ok && several.document.questions[1]?.answers).toEqual([
			{ qid: 'q2', text: 'b' },
		]);
		expect(several.ok && several.document.unassignedAnswers).toEqual([{ text: '?' }]);
	});

	it('makes one item per question, with times in seconds or milliseconds as ISO', () => {
		const result = parseQaXml(GENSEE_QA_XML);
		if (!result.ok) throw new Error(result.problem);
		const items = decodeQaDocument(result.document, {}, '2024-01-01T08:00:00.000+08:00');
		expect(items).toHaveLength(2);
		expect(items[0]?.json).toMatchObject({
			eventId: '715da0dc-34a2-375e-bb6e-128eabe754bc',
			timeIso: '2014-05-19T11:37:59.000+08:00',
		});
		expect(genseeTimeToIso('1400470730000')).toBe('2014-05-19T11:38:50.000+08:00');
		expect(genseeTimeToIso('soon')).toBeUndefined();
	});

	it('refuses malformed and hostile XML quickly, without expanding anything', () => {
		const bomb = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "${'a'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><webcast><question>&b;</question></webcast>`;
		const external =
			'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><webcast><question>&e;</question></webcast>';
		const deep = `<webcast>${'<a>'.repeat(200)}${'</a>'.repeat(200)}</webcast>`;
		const huge = `<webcast id="${'x'.repeat(2 * 1024 * 1024)}"/>`;
		const many = `<webcast>${'<question/>'.repeat(20_000)}</webcast>`;
		for (const body of [
			bomb,
			external,
			deep,
			huge,
			many,
			'<webcast><question>unclosed</webcast>',
			'<other/>',
		]) {
			expect(parseQaXml(body)).toMatchObject({ ok: false });
		}
	});
});

describe('replies', () => {
	it('fills redirect placeholders URL-encoded and escapes page messages', () => {
		expect(
			fillRedirectUrl('https://x.example/?u={userid}&n={USERNAME}&z={missing}', {
				userid: '1 2',
				username: '张伟',
			}),
		).toBe(`https://x.example/?u=1%202&n=${encodeURIComponent('张伟')}&z=`);
		expect(messagePage('<script>alert(1)</script>\nline 2')).toContain(
			'&lt;script&gt;alert(1)&lt;/script&gt;</p><p>line 2',
		);
	});

	it('builds the co-browse list from complete entries only', () => {
		expect(
			JSON.parse(coBrowseListJson({ entry: [{ name: 'A', url: 'https://a' }, { name: 'B' }] })),
		).toEqual([{ name: 'A', url: 'https://a' }]);
		expect(coBrowseListJson({})).toBe('[]');
	});
});

/** `text` in GBK, percent-encoded as a form or query string carries it. */
function gbkPercentEncoded(text: string): string {
	const bytes = gbkBytes(text);
	return [...bytes].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

// GBK for the few characters these tests use (Node has no GBK encoder).
const GBK: Record<string, number[]> = {
	张: [0xd5, 0xc5],
	伟: [0xce, 0xb0],
	老: [0xc0, 0xcf],
	师: [0xca, 0xa6],
};

function gbkBytes(text: string): Buffer {
	return Buffer.from([...text].flatMap((character) => GBK[character] ?? [character.charCodeAt(0)]));
}

describe('GBK from Gensee', () => {
	it('decodes percent-encoded GBK in query strings and form bodies, and keeps UTF-8 as it is', async () => {
		const query = await receivedRequest({
			method: 'GET',
			query: `userid=1&username=${gbkPercentEncoded('张伟')}&confid=c`,
		});
		expect(query.query.username).toBe('张伟');
		const form = await receivedRequest({
			body: `userid=1&name=${gbkPercentEncoded('老师')}&question=q&webcastid=w`,
			contentType: 'application/x-www-form-urlencoded; charset=GBK',
		});
		expect(form.form?.name).toBe('老师');
		const utf8 = await receivedRequest({
			method: 'GET',
			query: `username=${encodeURIComponent('张伟')}`,
		});
		expect(utf8.query.username).toBe('张伟');
	});

	it('decodes Q&A XML declared as GBK in the XML declaration or the content type', async () => {
		const xml = (encoding: string) =>
			Buffer.concat([
				Buffer.from(
					`<?xml version="1.0" encoding="${encoding}"?><webcast id="w"><question id="q" uname="`,
				),
				gbkBytes('张伟'),
				Buffer.from('">hi</question></webcast>'),
			]);
		for (const request of [
			{ body: xml('GBK'), contentType: 'text/xml' },
			{ body: xml('GB2312'), contentType: 'application/octet-stream' },
			{ body: xml('x'), contentType: 'text/xml; charset=gb18030' },
			{ body: xml('x') },
		]) {
			const { text } = await receivedRequest(request);
			const parsed = parseQaXml(text);
			expect(parsed.ok && parsed.document.questions[0]?.attributes.uname).toBe('张伟');
		}
	});
});

describe('the Gensee Trigger webhook', () => {
	const trigger = new GenseeTrigger();
	const TOKEN = 'gs-unit-token-8c1d2e3f4a5b';

	function context(request: FakeRequest, parameters: Record<string, unknown> = {}) {
		return fakeWebhookContext(request, { parameters, credentials: { token: TOKEN } });
	}

	function query(params: Record<string, string>): string {
		return new URLSearchParams(params).toString();
	}

	it('answers a status callback with an empty 200 and starts the workflow', async () => {
		const { context: functions, reply } = context({
			method: 'GET',
			query: query(genseeActionSample('105')),
		});
		const result = await runWebhook(trigger, functions);
		expect(reply).toMatchObject({ status: 200, body: '' });
		expect(result.workflowData?.[0]?.[0]?.json).toMatchObject({
			event: '105',
			interface: 'status',
		});
	});

	it('shows the roll-call page, or redirects with placeholders filled', async () => {
		const page = context({ method: 'GET', query: query(GENSEE_ROLL_CALL) });
		await runWebhook(trigger, page.context);
		expect(page.reply.status).toBe(200);
		expect(page.reply.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(page.reply.body).toContain('签到成功');

		const redirect = context(
			{ method: 'GET', query: query(GENSEE_END_PAGE) },
			{ pageReply: 'redirect', endPageRedirectUrl: 'https://example.com/bye?u={userid}' },
		);
		const result = await runWebhook(trigger, redirect.context);
		expect(redirect.reply.status).toBe(302);
		expect(redirect.reply.headers.location).toBe(
			`https://example.com/bye?u=${GENSEE_END_PAGE.userid}`,
		);
		expect(result.workflowData?.[0]?.[0]?.json).toMatchObject({ interface: 'endPage' });
	});

	it('answers the co-browse list as UTF-8 JSON without starting the workflow by default', async () => {
		const { context: functions, reply } = context(
			{ method: 'GET', query: query(GENSEE_CO_BROWSE) },
			{ coBrowseEntries: { entry: [{ name: '课件', url: 'https://example.com/a' }] } },
		);
		expect(await runWebhook(trigger, functions)).toEqual({ noWebhookResponse: true });
		expect(reply).toMatchObject({
			status: 200,
			body: '[{"name":"课件","url":"https://example.com/a"}]',
		});
		expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
	});

	it('reads client Q&A XML sent with any content type, one item per question', async () => {
		for (const contentType of ['text/xml', 'application/x-www-form-urlencoded', undefined]) {
			const { context: functions, reply } = context(
				{ body: GENSEE_QA_XML, contentType },
				{ routing: 'byEvent' },
			);
			const result = await runWebhook(trigger, functions);
			expect(reply).toMatchObject({ status: 200, body: '' });
			expect(result.workflowData?.[2]).toHaveLength(2);
			expect(result.workflowData?.[2]?.[0]?.json).not.toHaveProperty('<webcast id');
		}
	});

	it('flags malformed Q&A XML with its raw body, and discards it when asked to', async () => {
		const body = '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><webcast>&x;</webcast>';
		const flagged = context({ body, contentType: 'text/xml' });
		const json = (await runWebhook(trigger, flagged.context)).workflowData?.[0]?.[0]?.json;
		expect(json).toMatchObject({ unrecognized: true, rawBody: body, contentType: 'text/xml' });
		expect(flagged.reply).toMatchObject({ status: 200, body: '' });

		const discarding = context(
			{ body, contentType: 'text/xml' },
			{ triggerOptions: { unrecognizedRequests: 'discard' } },
		);
		expect(await runWebhook(trigger, discarding.context)).toEqual({ noWebhookResponse: true });
	});

	it('refuses a wrong token with 403, and keeps the token out of flagged items', async () => {
		const refused = context(
			{ method: 'GET', query: query({ ...genseeActionSample('101'), token: 'nope' }) },
			{ authentication: 'token' },
		);
		expect(await runWebhook(trigger, refused.context)).toEqual({ noWebhookResponse: true });
		expect(refused.reply).toMatchObject({ status: 403, body: 'forbidden' });

		const unknown = context(
			{ method: 'GET', query: `nothing=here&token=${TOKEN}` },
			{ authentication: 'token' },
		);
		const json = (await runWebhook(trigger, unknown.context)).workflowData?.[0]?.[0]?.json;
		expect(json).toMatchObject({ unrecognized: true });
		expect(String(json?.rawBody)).toContain('nothing=here');
		expect(String(json?.rawBody)).not.toContain(TOKEN);
	});
});
