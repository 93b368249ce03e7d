import { describe, expect, it } from 'vitest';

import {
	GENSEE_CO_BROWSE,
	GENSEE_END_PAGE,
	GENSEE_QA_XML,
	GENSEE_ROLL_CALL,
	GENSEE_SAMPLE_ACTIONS,
	GENSEE_WEB_QUESTION,
	genseeActionSample,
	genseeDelivery,
} from '../../support/samples/gensee.mjs';
import type { Delivery } from '../../support/samples/types.mjs';
import { getQuery, postRaw } from '../../support/deliver.mjs';
import { webhookSuite } from './harness/webhookSuite.mjs';

const TOKEN = 'gs-e2e-token-1c9d4e7a20b6f358';

const suite = webhookSuite('gensee', { GENSEE_TOKEN: TOKEN });
const { open: OPEN, token: TOKEN_FLOW, routed: ROUTED } = suite.flows;

async function nextRecords(
	path: string,
	before: number,
	count = 1,
): Promise<Array<Record<string, unknown>>> {
	const records = await suite.sink.waitFor(path, before + count);
	return records.slice(before).map((record) => record.body);
}

/**
 * The next item at `path` for each of `values`. Executions run concurrently, so items arrive in
 * any order: each is picked by its `key` field.
 */
async function nextByField(
	path: string,
	before: number,
	key: string,
	values: unknown[],
): Promise<Array<Record<string, unknown> | undefined>> {
	const items = await nextRecords(path, before, values.length);
	return values.map((value) => items.find((item) => item[key] === value));
}

describe('Gensee Trigger in a real n8n', () => {
	it('decodes every status and courseware Action code and answers an empty 200', async () => {
		for (const action of GENSEE_SAMPLE_ACTIONS) {
			const before = suite.sink.recordsAt('/gs-open/0').length;
			const reply = await suite.send(OPEN.hook, genseeDelivery(action));
			expect(reply).toMatchObject({ status: 200, text: '' });
			const [item] = await nextRecords('/gs-open/0', before);
			const sample = genseeActionSample(action);
			expect(item).toMatchObject({
				platform: 'gensee',
				event: action,
				interface: ['111', '112'].includes(action) ? 'vod' : 'status',
				ClassNo: sample.ClassNo,
				Operator: sample.Operator,
				Action: Number(action),
				totalusernum: Number(sample.totalusernum),
			});
			expect(typeof item?.eventName).toBe('string');
			expect(item?.eventName).not.toMatch(/^Gensee action/);
			expect(item?.occurredAt).toBe(item?.receivedAt);
		}
	});

	it('names actions and categories for attendance flows, keeping big uids exact', async () => {
		const before = suite.sink.recordsAt('/gs-open/0').length;
		await suite.send(OPEN.hook, genseeDelivery('110'));
		await suite.send(
			OPEN.hook,
			getQuery({ classno: 'abc', operator: '12345678901234567', action: '101', totalusernum: '5' }),
		);
		const [left, joined] = await nextByField('/gs-open/0', before, 'event', ['110', '101']);
		expect(left).toMatchObject({
			eventName: 'User left abnormally',
			category: 'leave',
			Operator: '9934592202',
		});
		// Lower-case parameter names are read too, and uids beyond 2^53 stay exact strings.
		expect(joined).toMatchObject({
			event: '101',
			category: 'join',
			ClassNo: 'abc',
			Operator: '12345678901234567',
		});
	});

	it('turns client Q&A XML into one item per question with its answers', async () => {
		const before = suite.sink.recordsAt('/gs-open/0').length;
		expect(await suite.send(OPEN.hook, postRaw(GENSEE_QA_XML, 'text/plain'))).toMatchObject({
			status: 200,
			text: '',
		});
		const [first, second] = await nextByField('/gs-open/0', before, 'questionId', [
			'715da0dc-34a2-375e-bb6e-128eabe754bc',
			'9a0c2f4e-1b7d-4a35-9e0f-3c1d2b4a5e6f',
		]);
		expect(first).toMatchObject({
			event: 'qa.client',
			webcastId: 'f35e1dcfcfa944d5ae5eab69341e8507',
			questionId: '715da0dc-34a2-375e-bb6e-128eabe754bc',
			question: '老师，第三章的作业什么时候交？',
			uid: '9934592202',
			uname: '张伟',
			timeIso: '2014-05-19T11:37:59.000+08:00',
			occurredAt: '2014-05-19T11:37:59.000+08:00',
			answers: [
				{
					id: 'a1',
					text: '下周一之前 <提交到平台>',
					uname: '李老师',
					timeIso: '2014-05-19T11:38:32.000+08:00',
				},
				{ id: 'a2', text: '', timeIso: '2014-05-19T11:38:50.000+08:00' },
			],
		});
		expect(second).toMatchObject({ question: 'Will the slides be shared?', answers: [] });
	});

	it('reads Q&A XML sent as text/xml too', async () => {
		const before = suite.sink.recordsAt('/gs-open/0').length;
		expect(
			await suite.send(OPEN.hook, postRaw(GENSEE_QA_XML, 'text/xml; charset=utf-8')),
		).toMatchObject({
			status: 200,
		});
		const items = await nextRecords('/gs-open/0', before, 2);
		expect(items.map((item) => item.event)).toEqual(['qa.client', 'qa.client']);
	});

	it('decodes a web Q&A form post', async () => {
		const before = suite.sink.recordsAt('/gs-open/0').length;
		expect(await suite.send(OPEN.hook, genseeDelivery('qaWeb'))).toMatchObject({
			status: 200,
			text: '',
		});
		const [item] = await nextRecords('/gs-open/0', before);
		expect(item).toMatchObject({ event: 'qa.web', interface: 'qaWeb', ...GENSEE_WEB_QUESTION });
	});

	it('shows attendees a page for roll call and the end page, and emits both', async () => {
		const before = suite.sink.recordsAt('/gs-open/0').length;
		const rollCall = await suite.send(OPEN.hook, genseeDelivery('rollCall'));
		expect(rollCall.status).toBe(200);
		expect(rollCall.contentType).toBe('text/html; charset=utf-8');
		expect(rollCall.text).toContain('签到成功');
		const endPage = await suite.send(OPEN.hook, genseeDelivery('endPage'));
		expect(endPage.text).toContain('Thank you for attending');
		const [rollItem, endItem] = await nextByField('/gs-open/0', before, 'event', [
			'rollCall',
			'endPage',
		]);
		expect(rollItem).toMatchObject({ event: 'rollCall', ...GENSEE_ROLL_CALL });
		expect(endItem).toMatchObject({ event: 'endPage', ...GENSEE_END_PAGE });
	});

	it('answers the co-browse request with the configured list as UTF-8 JSON', async () => {
		const before = suite.sink.recordsAt('/gs-open/0').length;
		const reply = await suite.send(OPEN.hook, genseeDelivery('coBrowse'));
		expect(reply.status).toBe(200);
		expect(reply.contentType).toBe('application/json; charset=utf-8');
		expect(JSON.parse(reply.text)).toEqual([
			{ name: '课堂练习', url: 'https://example.com/quiz' },
			{ name: 'Survey', url: 'https://example.com/survey' },
		]);
		const [item] = await nextRecords('/gs-open/0', before);
		expect(item).toMatchObject({ event: 'coBrowse', roomid: GENSEE_CO_BROWSE.roomid });
	});

	it('refuses a wrong or missing token with 403 and starts nothing', async () => {
		const before = await suite.n8n.executionCount(TOKEN_FLOW.workflowId);
		for (const token of [undefined, `${TOKEN.slice(0, -1)}9`]) {
			const query: Record<string, string> = token === undefined ? {} : { token };
			expect((await suite.send(TOKEN_FLOW.hook, genseeDelivery('101'), query)).status).toBe(403);
			expect(
				(await suite.send(TOKEN_FLOW.hook, postRaw(GENSEE_QA_XML, 'text/plain'), query)).status,
			).toBe(403);
			expect((await suite.send(TOKEN_FLOW.hook, genseeDelivery('rollCall'), query)).status).toBe(
				403,
			);
		}
		expect(await suite.n8n.executionCount(TOKEN_FLOW.workflowId)).toBe(before);

		expect(await suite.send(TOKEN_FLOW.hook, genseeDelivery('107', TOKEN))).toMatchObject({
			status: 200,
			text: '',
		});
		const [item] = await suite.sink.waitFor('/gs-token/0', 1);
		expect(item?.body).toMatchObject({ event: '107', category: 'leave' });
		expect(JSON.stringify(item?.body)).not.toContain(TOKEN);
	});

	it('replies but starts nothing for filtered interfaces and action codes', async () => {
		const before = await suite.n8n.executionCount(TOKEN_FLOW.workflowId);
		expect(await suite.send(TOKEN_FLOW.hook, genseeDelivery('103', TOKEN))).toMatchObject({
			status: 200,
			text: '',
		});
		expect(await suite.send(TOKEN_FLOW.hook, genseeDelivery('qaWeb', TOKEN))).toMatchObject({
			status: 200,
			text: '',
		});
		const coBrowse = await suite.send(TOKEN_FLOW.hook, genseeDelivery('coBrowse', TOKEN));
		expect(JSON.parse(coBrowse.text)).toEqual({
			list: [{ title: 'A', link: 'https://a.example.com' }],
		});
		expect(await suite.n8n.executionCount(TOKEN_FLOW.workflowId)).toBe(before);
	});

	it("redirects attendees' browsers with the request's values filled in", async () => {
		const rollCall = await suite.send(TOKEN_FLOW.hook, genseeDelivery('rollCall', TOKEN));
		expect(rollCall.status).toBe(302);
		expect(rollCall.location).toBe(
			`https://example.com/checked-in?user=${GENSEE_ROLL_CALL.userid}&webcast=${GENSEE_ROLL_CALL.webcastid}`,
		);
		const endPage = await suite.send(TOKEN_FLOW.hook, genseeDelivery('endPage', TOKEN));
		expect(endPage.location).toBe(`https://example.com/bye/42?name=${encodeURIComponent('张伟')}`);
	});

	it('lets an explicit kind on the URL override the guess', async () => {
		const before = suite.sink.recordsAt('/gs-open/0').length;
		// Looks like a status callback, but the URL says it is the roll-call page.
		const reply = await suite.send(
			OPEN.hook,
			getQuery({ kind: 'rollCall', userid: '1', webcastid: 'w', Action: '101' }),
		);
		expect(reply.contentType).toBe('text/html; charset=utf-8');
		const [item] = await nextRecords('/gs-open/0', before);
		expect(item).toMatchObject({
			event: 'rollCall',
			interface: 'rollCall',
			userid: '1',
			Action: '101',
		});
		expect(item).not.toHaveProperty('kind');
	});

	it('passes malformed and hostile XML to the workflow flagged, with its raw body, and stays healthy', async () => {
		const malformed = '<webcast id="x"><question id="q1">unclosed</webcast>';
		const bomb =
			'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
			'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><webcast id="x"><question id="q">&lol3;</question></webcast>';
		const deep = `<webcast id="x">${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</webcast>`;
		const before = suite.sink.recordsAt('/gs-open/0').length;
		for (const body of [malformed, bomb, deep]) {
			expect(await suite.send(OPEN.hook, postRaw(body, 'text/plain'))).toMatchObject({
				status: 200,
				text: '',
			});
		}
		const items = await nextRecords('/gs-open/0', before, 3);
		expect(items.map((item) => item.rawBody).sort()).toEqual([malformed, bomb, deep].sort());
		for (const item of items) {
			expect(item).toMatchObject({ platform: 'gensee', event: 'unrecognized', unrecognized: true });
			expect(String(item.problem)).toMatch(/XML/);
		}
		expect((await fetch(`${suite.n8n.baseUrl}/healthz`)).status).toBe(200);
	});

	it('sends each interface to its own output when routing by interface', async () => {
		const deliveries: Array<[number, Delivery]> = [
			[0, genseeDelivery('105')],
			[1, genseeDelivery('112')],
			[2, postRaw(GENSEE_QA_XML, 'text/plain')],
			[3, genseeDelivery('qaWeb')],
			[4, genseeDelivery('rollCall')],
			[5, genseeDelivery('endPage')],
			[6, genseeDelivery('coBrowse')],
			[7, getQuery({ something: 'else' })],
		];
		for (const [output, delivery] of deliveries) {
			await suite.send(ROUTED.hook, delivery);
			const [record] = await suite.sink.waitFor(`/gs-routed/${output}`, 1);
			expect(record).toBeDefined();
		}
		expect(suite.sink.recordsAt('/gs-routed/7')[0]?.body).toMatchObject({ event: 'unrecognized' });
		expect(suite.sink.recordsAt('/gs-routed/2')).toHaveLength(2);
		for (const output of [0, 1, 3, 4, 5, 6, 7])
			expect(suite.sink.recordsAt(`/gs-routed/${output}`)).toHaveLength(1);
	});
});
