import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { mock } from 'vitest-mock-extended';

import { decodeCallback } from '../../nodes/Qingsuyun/decode';
import { qingsuyunEventName, qingsuyunOutputIndex } from '../../nodes/Qingsuyun/events';
import { readCallback } from '../../nodes/Qingsuyun/payload';
import { QingsuyunTrigger } from '../../nodes/Qingsuyun/QingsuyunTrigger.node';
import { QINGSUYUN_SAMPLE_TYPES, qingsuyunSample } from '../../support/samples/qingsuyun.mjs';

const SECRET = '2918148edb9a4939857a8b3a387127f6';
const RECEIVED_AT = Date.UTC(2022, 0, 8, 9, 40, 0);

function read(body: unknown, parsed: unknown = {}) {
	return readCallback(typeof body === 'string' ? body : JSON.stringify(body), parsed);
}

describe('reading a Qingsuyun callback', () => {
	it('reads every documented sample', () => {
		for (const type of QINGSUYUN_SAMPLE_TYPES) {
			const sample = qingsuyunSample(type, SECRET);
			const result = read(sample);
			expect(result.recognized).toBe(true);
			if (result.recognized) {
				expect(result.callback).toMatchObject({ type, uuid: sample.uuid, secretKey: SECRET });
			}
		}
	});

	it('reads a form-encoded callback whose eventBody is JSON text', () => {
		const sample = qingsuyunSample('courseFinish', SECRET);
		const form = { ...sample, eventBody: JSON.stringify(sample.eventBody) };
		const result = readCallback('', form);
		expect(result.recognized && result.callback.eventBody).toEqual(sample.eventBody);
	});

	it('explains what is wrong and still finds the key of a body it cannot read', () => {
		expect(read('')).toMatchObject({ recognized: false, problem: 'The request has an empty body' });
		const truncated = JSON.stringify(qingsuyunSample('answerSheet', SECRET)).slice(0, 120);
		expect(read(truncated)).toMatchObject({
			recognized: false,
			problem: 'The body is not a JSON object',
			presentedSecret: SECRET,
		});
		expect(read({ secretKey: SECRET, eventBody: {} })).toMatchObject({
			recognized: false,
			problem: 'The body has no "type" field',
			presentedSecret: SECRET,
		});
		expect(read({ secretKey: SECRET, type: 'answerSheet', eventBody: 'x' })).toMatchObject({
			recognized: false,
			problem: 'The body has no "eventBody" object',
		});
		expect(read('[1,2]')).toMatchObject({ recognized: false });
	});
});

describe('decoding a Qingsuyun callback', () => {
	function decode(payload: object, includeRaw = false) {
		const result = read(payload);
		if (!result.recognized) throw new Error(result.problem);
		return decodeCallback(result.callback, result.payload, { includeRaw, receivedAt: RECEIVED_AT }).json;
	}

	it('copies no prototype from __proto__ keys in the payload', () => {
		const sample = qingsuyunSample('answerSheet', SECRET);
		const text = JSON.stringify(sample)
			.replace(/^\{/, '{"__proto__":{"polluted":"top"},')
			.replace('"eventBody":{', '"eventBody":{"__proto__":{"polluted":"body"},"fields":[{"fieldName":"__proto__","answerContent":{"polluted":"map"}}],');
		const result = readCallback(text, {});
		if (!result.recognized) throw new Error(result.problem);
		const { json } = decodeCallback(result.callback, result.payload, { includeRaw: true, receivedAt: RECEIVED_AT });
		for (const value of [json, json.raw, json.collectedInformation]) {
			expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
			expect((value as Record<string, unknown>).polluted).toBeUndefined();
		}
		expect(json).toMatchObject({ event: 'answerSheet', realScore: 86 });
	});

	it('builds the common envelope with Beijing times', () => {
		const sample = qingsuyunSample('answerSheet', SECRET, { ts: '2022-01-08 17:39:42.388' });
		expect(decode(sample)).toMatchObject({
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

	it('adds ISO times for every epoch-millisecond time field and nothing else', () => {
		const json = decode(qingsuyunSample('coursewareFinish', SECRET));
		expect(json.finishedTimeIso).toBe('2022-09-30T15:21:22.000+08:00');
		expect(json.startTimeIso).toBe('2022-09-30T15:21:08.000+08:00');
		expect(json).not.toHaveProperty('studyDurationIso');
		expect(json).not.toHaveProperty('progressIso');
	});

	it('never outputs the secret key or callback URL, not even in raw', () => {
		const json = decode(qingsuyunSample('clockFinish', SECRET), true);
		expect(JSON.stringify(json)).not.toContain(SECRET);
		expect(JSON.stringify(json)).not.toContain('callbackUrl');
		expect(json.raw).toMatchObject({ type: 'clockFinish' });
	});

	it('passes collected information through and maps it by field name', () => {
		const collections = [
			{ fieldType: 'text', fieldName: '姓名', sortIndex: 1, answerContent: '张三' },
			{ fieldType: 'phone', fieldName: '手机号', sortIndex: 2, answerContent: '13800000000' },
		];
		const sample = qingsuyunSample('answerSheet', SECRET);
		const json = decode({ ...sample, eventBody: { ...sample.eventBody, collections } });
		expect(json.collections).toEqual(collections);
		expect(json.collectedInformation).toEqual({ 姓名: '张三', 手机号: '13800000000' });
	});

	it('passes an unknown future type through under its own name', () => {
		const sample = { ...qingsuyunSample('answerSheet', SECRET), type: 'liveFinish' };
		expect(decode(sample)).toMatchObject({ event: 'liveFinish', eventName: 'Qingsuyun event "liveFinish"' });
		expect(qingsuyunEventName('liveFinish')).toContain('liveFinish');
		expect(qingsuyunOutputIndex('liveFinish')).toBe(4);
		expect(qingsuyunOutputIndex('clockFinish')).toBe(3);
	});
});

describe('the Qingsuyun Trigger webhook', () => {
	interface Reply {
		status?: number;
		body?: string;
	}

	function context(
		body: string,
		parameters: Record<string, unknown> = {},
		staticData: IDataObject = {},
		nodeId = `node-${Math.random()}`,
	) {
		const reply: Reply = {};
		const functions = mock<IWebhookFunctions>();
		const response = {
			status(code: number) {
				reply.status = code;
				return response;
			},
			setHeader() {
				return response;
			},
			send(text: string) {
				reply.body = text;
				return response;
			},
		};
		functions.getCredentials.mockResolvedValue({ secretKey: SECRET });
		// Plain objects with only what the node uses: the request's raw bytes, three response methods.
		const request = { rawBody: Buffer.from(body), readRawBody: async () => undefined };
		functions.getRequestObject.mockReturnValue(
			request as unknown as ReturnType<IWebhookFunctions['getRequestObject']>,
		);
		functions.getResponseObject.mockReturnValue(
			response as unknown as ReturnType<IWebhookFunctions['getResponseObject']>,
		);
		functions.getBodyData.mockReturnValue({});
		functions.getHeaderData.mockReturnValue({ 'content-type': 'application/json' });
		functions.getWorkflowStaticData.mockReturnValue(staticData);
		functions.getWorkflow.mockReturnValue({ id: 'wf', name: 'wf', active: true });
		functions.getNode.mockReturnValue({
			id: nodeId,
			name: 'Qingsuyun Trigger',
			type: 'n8n-nodes-edu-events.qingsuyunTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		});
		functions.getNodeParameter.mockImplementation(
			(name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback) as never,
		);
		return { functions, reply };
	}

	const trigger = new QingsuyunTrigger();

	it('starts the workflow for an authenticated callback', async () => {
		const sample = qingsuyunSample('courseFinish', SECRET);
		const { functions, reply } = context(JSON.stringify(sample));
		const result = await trigger.webhook.call(functions);
		expect(reply.status).toBeUndefined();
		expect(result.workflowData?.[0]?.[0]?.json).toMatchObject({ event: 'courseFinish', eventId: sample.uuid });
	});

	it('answers 401 and starts nothing without the right secret', async () => {
		const { functions, reply } = context(JSON.stringify(qingsuyunSample('courseFinish', 'wrong')));
		const result = await trigger.webhook.call(functions);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(reply.status).toBe(401);
		expect(reply.body).not.toContain(SECRET);
	});

	it('acknowledges filtered and repeated events without starting the workflow', async () => {
		const clock = qingsuyunSample('clockFinish', SECRET);
		const filtered = context(JSON.stringify(clock), { events: ['answerSheet'] });
		expect(await trigger.webhook.call(filtered.functions)).toEqual({ noWebhookResponse: true });
		expect(filtered.reply).toEqual({ status: 200, body: 'success' });

		const staticData: IDataObject = {};
		const first = context(JSON.stringify(clock), {}, staticData, 'same-node');
		expect((await trigger.webhook.call(first.functions)).workflowData).toBeDefined();
		const again = context(JSON.stringify(clock), {}, staticData, 'same-node');
		expect(await trigger.webhook.call(again.functions)).toEqual({ noWebhookResponse: true });
		expect(again.reply).toEqual({ status: 200, body: 'success' });
	});

	it('routes by event type to the matching output', async () => {
		const { functions } = context(JSON.stringify(qingsuyunSample('coursewareFinish', SECRET)), {
			routing: 'byEvent',
		});
		const result = await trigger.webhook.call(functions);
		expect(result.workflowData?.map((output) => output.length)).toEqual([0, 0, 1, 0, 0]);
	});

	it('flags an unreadable authenticated body, or rejects it when asked to', async () => {
		const body = `{"secretKey":"${SECRET}","type":"answerSheet","eventBody":{`;
		const flagged = await trigger.webhook.call(context(body).functions);
		const json = flagged.workflowData?.[0]?.[0]?.json;
		expect(json).toMatchObject({ event: 'unrecognized', unrecognized: true });
		expect(String(json?.rawBody)).not.toContain(SECRET);

		const rejecting = context(body, { options: { unrecognizedRequests: 'reject' } });
		expect(await trigger.webhook.call(rejecting.functions)).toEqual({ noWebhookResponse: true });
		expect(rejecting.reply.status).toBe(400);
	});
});
