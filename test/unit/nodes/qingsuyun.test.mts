import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { decodeCallback } from '../../../nodes/Qingsuyun/decode';
import { QINGSUYUN_OUTPUTS, qingsuyunEventName } from '../../../nodes/Qingsuyun/events';
import { presentedSecretKey, readCallback } from '../../../nodes/Qingsuyun/payload';
import { QingsuyunTrigger } from '../../../nodes/Qingsuyun/QingsuyunTrigger.node';
import { QINGSUYUN_SAMPLE_TYPES, qingsuyunSample } from '../../../support/samples/qingsuyun.mjs';
import {
	fakeWebhookContext,
	runWebhook,
	receivedRequest,
	type FakeRequest,
} from '../support/webhookContext.mjs';

const SECRET = '2918148edb9a4939857a8b3a387127f6';
const RECEIVED_AT = Date.UTC(2022, 0, 8, 9, 40, 0);

function asRequest(body: unknown, contentType = 'application/json'): FakeRequest {
	return { body: typeof body === 'string' ? body : JSON.stringify(body), contentType };
}

async function read(body: unknown, contentType?: string) {
	return readCallback(await receivedRequest(asRequest(body, contentType)));
}

async function presented(body: unknown) {
	return presentedSecretKey(await receivedRequest(asRequest(body)));
}

describe('reading a Qingsuyun callback', () => {
	it('reads every documented sample', async () => {
		for (const type of QINGSUYUN_SAMPLE_TYPES) {
			const sample = qingsuyunSample(type, SECRET);
			const result = await read(sample);
			expect(result.recognized).toBe(true);
			if (result.recognized) {
				expect(result.event.callback).toMatchObject({ type, uuid: sample.uuid, secretKey: SECRET });
			}
		}
	});

	it('reads a JSON body whatever content type it was sent with', async () => {
		for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'text/xml']) {
			expect((await read(qingsuyunSample('courseFinish', SECRET), contentType)).recognized).toBe(
				true,
			);
		}
	});

	it('reads a form-encoded callback whose eventBody is JSON text', async () => {
		const sample = qingsuyunSample('courseFinish', SECRET);
		const form = new URLSearchParams({
			...Object.fromEntries(Object.entries(sample).map(([key, value]) => [key, String(value)])),
			eventBody: JSON.stringify(sample.eventBody),
		}).toString();
		const result = await read(form, 'application/x-www-form-urlencoded');
		expect(result.recognized && result.event.callback.eventBody).toEqual(sample.eventBody);
	});

	it('explains what is wrong and still finds the key of a body it cannot read', async () => {
		expect(await read('')).toMatchObject({
			recognized: false,
			problem: 'The request has an empty body',
		});
		const truncated = JSON.stringify(qingsuyunSample('answerSheet', SECRET)).slice(0, 120);
		expect(await read(truncated)).toMatchObject({
			recognized: false,
			problem: 'The body is not a JSON object',
		});
		expect(await presented(truncated)).toBe(SECRET);
		expect(await read({ secretKey: SECRET, eventBody: {} })).toMatchObject({
			recognized: false,
			problem: 'The body has no "type" field',
		});
		expect(await presented({ secretKey: SECRET, eventBody: {} })).toBe(SECRET);
		expect(await read({ secretKey: SECRET, type: 'answerSheet', eventBody: 'x' })).toMatchObject({
			recognized: false,
			problem: 'The body has no "eventBody" object',
		});
		expect(await read('[1,2]')).toMatchObject({ recognized: false });
	});
});

describe('decoding a Qingsuyun callback', () => {
	async function decode(payload: object, includeRaw = false) {
		const result = await read(payload);
		if (!result.recognized) throw new Error(result.problem);
		return decodeCallback(result.event.callback, result.event.payload, {
			includeRaw,
			receivedAt: RECEIVED_AT,
		}).json;
	}

	it('copies no prototype from __proto__ keys in the payload', async () => {
		const sample = qingsuyunSample('answerSheet', SECRET);
		const text = JSON.stringify(sample)
			.replace(/^\{/, '{"__proto__":{"polluted":"top"},')
			.replace(
				'"eventBody":{',
				'"eventBody":{"__proto__":{"polluted":"body"},"fields":[{"fieldName":"__proto__","answerContent":{"polluted":"map"}}],',
			);
		const result = await read(text);
		if (!result.recognized) throw new Error(result.problem);
		const { json } = decodeCallback(result.event.callback, result.event.payload, {
			includeRaw: true,
			receivedAt: RECEIVED_AT,
		});
		for (const value of [json, json.raw, json.collectedInformation]) {
			expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
			expect((value as Record<string, unknown>).polluted).toBeUndefined();
		}
		expect(json).toMatchObject({ event: 'answerSheet', realScore: 86 });
	});

	it('builds the common envelope with Beijing times', async () => {
		const sample = qingsuyunSample('answerSheet', SECRET, { ts: '2022-01-08 17:39:42.388' });
		expect(await decode(sample)).toMatchObject({
			platform: 'qingsuyun',
			event: 'answerSheet',
			eventName: 'Exam Submitted',
			eventId: sample.uuid,
			occurredAt: '2022-01-08T17:39:42.388+08:00',
			receivedAt: '2022-01-08T17:40:00.000+08:00',
			realScore: 86,
			endTimeIso: '2022-01-08T17:39:39.413+08:00',
		});
	});

	it('adds ISO times for every epoch-millisecond time field and nothing else', async () => {
		const json = await decode(qingsuyunSample('coursewareFinish', SECRET));
		expect(json.finishedTimeIso).toBe('2022-09-30T15:21:22.000+08:00');
		expect(json.startTimeIso).toBe('2022-09-30T15:21:08.000+08:00');
		expect(json).not.toHaveProperty('studyDurationIso');
		expect(json).not.toHaveProperty('progressIso');
	});

	it('never outputs the secret key or callback URL, not even in raw', async () => {
		const json = await decode(qingsuyunSample('clockFinish', SECRET), true);
		expect(JSON.stringify(json)).not.toContain(SECRET);
		expect(JSON.stringify(json)).not.toContain('callbackUrl');
		expect(json.raw).toMatchObject({ type: 'clockFinish' });
	});

	it('passes collected information through and maps it by field name', async () => {
		const collections = [
			{ fieldType: 'text', fieldName: '姓名', sortIndex: 1, answerContent: '张三' },
			{ fieldType: 'phone', fieldName: '手机号', sortIndex: 2, answerContent: '13800000000' },
		];
		const sample = qingsuyunSample('answerSheet', SECRET);
		const json = await decode({ ...sample, eventBody: { ...sample.eventBody, collections } });
		expect(json.collections).toEqual(collections);
		expect(json.collectedInformation).toEqual({ 姓名: '张三', 手机号: '13800000000' });
	});

	describe('exam and check-in results', () => {
		async function exam(overrides: IDataObject) {
			const sample = qingsuyunSample('answerSheet', SECRET);
			return await decode({ ...sample, eventBody: { ...sample.eventBody, ...overrides } });
		}

		it('says whether a marked paper passed, and its score as a percentage', async () => {
			expect(await exam({ realScore: 86, passScore: 60, totalScore: 100 })).toMatchObject({
				passed: true,
				needsMarking: false,
				scorePercent: 86,
			});
			expect(await exam({ realScore: 59.5, passScore: 60, totalScore: 120 })).toMatchObject({
				passed: false,
				needsMarking: false,
				scorePercent: 49.6,
			});
			expect(await exam({ realScore: 60, passScore: 60 })).toMatchObject({ passed: true });
		});

		it('gives no verdict while the paper waits for manual marking', async () => {
			for (const judged of [0, null, '']) {
				expect(await exam({ judged, realScore: 10, passScore: 60 })).toMatchObject({
					passed: null,
					needsMarking: true,
					scorePercent: 10,
				});
			}
			const unset = qingsuyunSample('answerSheet', SECRET);
			const body: IDataObject = { ...unset.eventBody };
			delete body.judged;
			expect(await decode({ ...unset, eventBody: body })).toMatchObject({
				passed: null,
				needsMarking: true,
			});
		});

		it('reads numeric strings, and answers null for scores it cannot read', async () => {
			expect(await exam({ realScore: '45', passScore: '40', totalScore: '50' })).toMatchObject({
				passed: true,
				scorePercent: 90,
			});
			expect(await exam({ realScore: 'n/a', totalScore: 0 })).toMatchObject({
				passed: null,
				needsMarking: false,
				scorePercent: null,
			});
		});

		it('keeps a field Qingsuyun itself sends under a computed name', async () => {
			expect(await exam({ passed: 'yes' })).toMatchObject({ passed: 'yes', needsMarking: false });
		});

		it('gives a check-in task its right ratio as a number', async () => {
			const sample = qingsuyunSample('clockFinish', SECRET);
			const ratio = async (rightRatio: unknown) =>
				(await decode({ ...sample, eventBody: { ...sample.eventBody, rightRatio } }))
					.rightRatioPercent;
			expect(await ratio('0.00%')).toBe(0);
			expect(await ratio('85.50%')).toBe(85.5);
			expect(await ratio('100%')).toBe(100);
			expect(await ratio(72.5)).toBe(72.5);
			expect(await ratio('about half')).toBeNull();
			expect((await decode(sample)).rightRatio).toBe('0.00%');
		});

		it('adds no result fields to course events', async () => {
			const json = await decode(qingsuyunSample('courseFinish', SECRET));
			for (const name of ['passed', 'needsMarking', 'scorePercent', 'rightRatioPercent']) {
				expect(json).not.toHaveProperty(name);
			}
		});
	});

	it('passes an unknown future type through under its own name', async () => {
		const sample = { ...qingsuyunSample('answerSheet', SECRET), type: 'liveFinish' };
		expect(await decode(sample)).toMatchObject({
			event: 'liveFinish',
			eventName: 'Qingsuyun event "liveFinish"',
		});
		expect(qingsuyunEventName('liveFinish')).toContain('liveFinish');
		expect(QINGSUYUN_OUTPUTS.indexOf('liveFinish')).toBe(4);
		expect(QINGSUYUN_OUTPUTS.indexOf('clockFinish')).toBe(3);
	});
});

describe('the Qingsuyun Trigger webhook', () => {
	const trigger = new QingsuyunTrigger();

	function context(
		body: string,
		parameters: Record<string, unknown> = {},
		staticData: IDataObject = {},
		nodeId?: string,
	) {
		return fakeWebhookContext(asRequest(body), {
			parameters,
			credentials: { secretKey: SECRET },
			staticData,
			nodeId,
		});
	}

	it('starts the workflow for an authenticated callback and answers exactly "success"', async () => {
		const sample = qingsuyunSample('courseFinish', SECRET);
		const { context: functions, reply } = context(JSON.stringify(sample));
		const result = await runWebhook(trigger, functions);
		expect(reply).toEqual({
			status: 200,
			headers: { 'content-type': 'text/plain; charset=utf-8' },
			body: 'success',
		});
		// n8n sends the acknowledgement, once it has stored the execution.
		expect(result.noWebhookResponse).toBeUndefined();
		expect(result.webhookResponse).toBe('success');
		expect(result.workflowData?.[0]?.[0]?.json).toMatchObject({
			event: 'courseFinish',
			eventId: sample.uuid,
		});
	});

	it('answers 401 and starts nothing without the right secret', async () => {
		const { context: functions, reply } = context(
			JSON.stringify(qingsuyunSample('courseFinish', 'wrong')),
		);
		const result = await runWebhook(trigger, functions);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(reply.status).toBe(401);
		expect(reply.body).not.toContain(SECRET);
	});

	it('acknowledges filtered and repeated events without starting the workflow', async () => {
		const clock = qingsuyunSample('clockFinish', SECRET);
		const filtered = context(JSON.stringify(clock), { events: ['answerSheet'] });
		expect(await runWebhook(trigger, filtered.context)).toEqual({ noWebhookResponse: true });
		expect(filtered.reply).toMatchObject({ status: 200, body: 'success' });

		const staticData: IDataObject = {};
		const first = context(JSON.stringify(clock), {}, staticData, 'same-node');
		expect((await runWebhook(trigger, first.context)).workflowData).toBeDefined();
		const again = context(JSON.stringify(clock), {}, staticData, 'same-node');
		expect(await runWebhook(trigger, again.context)).toEqual({ noWebhookResponse: true });
		expect(again.reply).toMatchObject({ status: 200, body: 'success' });
	});

	it('routes by event type to the matching output', async () => {
		const { context: functions } = context(
			JSON.stringify(qingsuyunSample('coursewareFinish', SECRET)),
			{
				routing: 'byEvent',
			},
		);
		const result = await runWebhook(trigger, functions);
		expect(result.workflowData?.map((output) => output.length)).toEqual([0, 0, 1, 0, 0]);
	});

	it('flags an unreadable authenticated body, or rejects it when asked to', async () => {
		const body = `{"secretKey":"${SECRET}","type":"answerSheet","eventBody":{`;
		const flagged = context(body, { routing: 'byEvent' });
		const result = await runWebhook(trigger, flagged.context);
		const json = result.workflowData?.[4]?.[0]?.json;
		expect(json).toMatchObject({
			event: 'unrecognized',
			unrecognized: true,
			problem: 'The body is not a JSON object',
		});
		expect(String(json?.rawBody)).not.toContain(SECRET);
		expect(flagged.reply).toMatchObject({ status: 200, body: 'success' });

		const rejecting = context(body, { triggerOptions: { unrecognizedRequests: 'discard' } });
		expect(await runWebhook(trigger, rejecting.context)).toEqual({ noWebhookResponse: true });
		expect(rejecting.reply).toMatchObject({
			status: 400,
			body: 'unrecognized request: The body is not a JSON object',
		});
	});

	it('adds the raw payload, without the secret, when asked to', async () => {
		const { context: functions } = context(JSON.stringify(qingsuyunSample('answerSheet', SECRET)), {
			triggerOptions: { includeRaw: true },
		});
		const json = (await runWebhook(trigger, functions)).workflowData?.[0]?.[0]?.json;
		expect(json?.raw).toMatchObject({ type: 'answerSheet' });
		expect(JSON.stringify(json)).not.toContain(SECRET);
	});

	it('refuses a body n8n will not hand over (over its size limit) with 413, without an execution', async () => {
		const tooLarge = Object.assign(new Error('request entity too large'), { status: 413 });
		const { context: functions, reply } = fakeWebhookContext(
			{ body: '', contentType: 'application/json', readError: tooLarge },
			{ credentials: { secretKey: SECRET } },
		);
		expect(await runWebhook(trigger, functions)).toEqual({ noWebhookResponse: true });
		expect(reply).toMatchObject({ status: 413, body: 'request body too large' });
		expect(functions.getCredentials).not.toHaveBeenCalled();

		const aborted = fakeWebhookContext(
			{ readError: new Error('aborted') },
			{ credentials: { secretKey: SECRET } },
		);
		expect(await runWebhook(trigger, aborted.context)).toEqual({ noWebhookResponse: true });
		expect(aborted.reply.status).toBe(400);
	});
});
