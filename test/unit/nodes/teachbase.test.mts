import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { decodeWebhook, normaliseTeachbaseTime } from '../../../nodes/Teachbase/decode';
import {
	normaliseTeachbaseType,
	TEACHBASE_OUTPUTS,
	teachbaseEventName,
} from '../../../nodes/Teachbase/events';
import { readWebhook } from '../../../nodes/Teachbase/payload';
import { TeachbaseTrigger } from '../../../nodes/Teachbase/TeachbaseTrigger.node';
import { teachbaseLegacySample, teachbaseSample } from '../../../support/samples/teachbase.mjs';
import { fakeWebhookContext, receivedRequest, runWebhook } from '../support/webhookContext.mjs';

const RECEIVED_AT = Date.UTC(2024, 2, 4, 15, 43, 0);
const TOKEN = 'tb-unit-token-5f2a9c1e7d3b';

async function read(body: string | Buffer, contentType = 'application/json') {
	return readWebhook(await receivedRequest({ body, contentType }, 'windows-1251'));
}

describe('reading a Teachbase webhook', () => {
	it('reads the {type, event, data} shape', async () => {
		const sample = teachbaseSample('quiz_stat', 'updated');
		expect(await read(JSON.stringify(sample))).toMatchObject({
			recognized: true,
			event: { webhook: { type: 'quiz_stat', event: 'updated', shape: 'typed' } },
		});
	});

	it('reads the older {entity: {action: {…}}} shape, with CamelCase entity names too', async () => {
		expect(
			await read(JSON.stringify(teachbaseLegacySample('scorm_stat', 'created'))),
		).toMatchObject({
			recognized: true,
			event: { webhook: { type: 'scorm_stat', event: 'created', shape: 'legacy' } },
		});
		expect(await read(JSON.stringify({ MaterialStat: { updated: { id: 1 } } }))).toMatchObject({
			recognized: true,
			event: { webhook: { type: 'material_stat', event: 'updated' } },
		});
	});

	it('reads a form-encoded body whose one field holds the JSON, or whose field name is the JSON', async () => {
		const json = JSON.stringify(teachbaseLegacySample('course_stat', 'updated'));
		const form = 'application/x-www-form-urlencoded';
		expect(await read(new URLSearchParams({ data: json }).toString(), form)).toMatchObject({
			recognized: true,
		});
		expect(await read(encodeURIComponent(json), form)).toMatchObject({ recognized: true });
		expect(await read(json, form)).toMatchObject({ recognized: true });
	});

	it('reads Cyrillic in windows-1251, declared or not, and in UTF-8', async () => {
		const sample = { type: 'course_stat', event: 'updated', data: { id: 1, name: 'Охрана труда' } };
		const encoded = Buffer.from(
			JSON.stringify(sample)
				.split('')
				.map((character) => {
					const code = character.charCodeAt(0);
					// Cyrillic А–я (U+0410–U+044F) are 0xC0–0xFF in windows-1251.
					return code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : code;
				}),
		);
		for (const contentType of ['application/json; charset=windows-1251', 'application/json']) {
			const result = await read(encoded, contentType);
			expect(result.recognized && result.event.webhook.data.name).toBe('Охрана труда');
		}
		const utf8 = await read(JSON.stringify(sample));
		expect(utf8.recognized && utf8.event.webhook.data.name).toBe('Охрана труда');
	});

	it('explains what is wrong with anything else', async () => {
		expect(await read('')).toMatchObject({
			recognized: false,
			problem: 'The request has an empty body',
		});
		expect(await read('{"a":1,"b":2}')).toMatchObject({ recognized: false });
		expect(await read('{"type":"course_stat","event":"updated","data":[1]}')).toMatchObject({
			recognized: false,
		});
		expect(await read('<xml/>')).toMatchObject({
			recognized: false,
			problem: 'The body is not a Teachbase webhook',
		});
	});
});

describe('decoding a Teachbase webhook', () => {
	async function decode(body: unknown, includeRaw = false) {
		const result = await read(JSON.stringify(body));
		if (!result.recognized) throw new Error(result.problem);
		return decodeWebhook(result.event.webhook, result.event.payload, {
			includeRaw,
			receivedAt: RECEIVED_AT,
		}).json;
	}

	it('builds the envelope and lifts the key ids to the top level', async () => {
		const json = await decode(teachbaseSample('course_stat', 'updated'));
		expect(json).toMatchObject({
			platform: 'teachbase',
			event: 'course_stat.updated',
			eventName: 'Course progress updated',
			occurredAt: '2024-03-04T15:42:05.000Z',
			receivedAt: '2024-03-04T15:43:00.000Z',
			user_id: 2240981,
			course_id: 84213,
			course_session_id: 190327,
			progress: 62.5,
		});
		expect(Object.keys(json).slice(0, 3)).toEqual(['platform', 'event', 'eventName']);
	});

	it('takes ids from nested objects when Teachbase nests them', async () => {
		const json = await decode({
			type: 'course_stat',
			event: 'created',
			data: { user: { id: 7 }, course_session: { id: 9 } },
		});
		expect(json).toMatchObject({ user_id: 7, course_session_id: 9 });
		expect(json).not.toHaveProperty('course_id');
	});

	it('normalises ISO strings with offsets, SQL-style Moscow times and unix seconds', () => {
		expect(normaliseTeachbaseTime('2024-03-01T10:15:00+03:00')).toBe('2024-03-01T07:15:00.000Z');
		expect(normaliseTeachbaseTime('2024-03-04 18:41:33')).toBe('2024-03-04T15:41:33.000Z');
		expect(normaliseTeachbaseTime(1709566925)).toBe('2024-03-04T15:42:05.000Z');
		expect(normaliseTeachbaseTime('1709566925')).toBe('2024-03-04T15:42:05.000Z');
		expect(normaliseTeachbaseTime(45)).toBeUndefined();
		expect(normaliseTeachbaseTime(null)).toBeUndefined();
		expect(normaliseTeachbaseTime('soon')).toBeUndefined();
	});

	it('passes unknown types and events through, and never copies a __proto__ key', async () => {
		const json = await decode(
			JSON.parse('{"type":"webinar_stat","event":"deleted","data":{"__proto__":{"x":1},"id":3}}'),
		);
		expect(json).toMatchObject({
			event: 'webinar_stat.deleted',
			eventName: 'Teachbase webinar_stat deleted',
			id: 3,
		});
		expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
		expect(teachbaseEventName('course_stat', 'created')).toBe('User enrolled in course');
		expect(TEACHBASE_OUTPUTS.indexOf('material_stat')).toBe(5);
		expect(TEACHBASE_OUTPUTS.indexOf('webinar_stat')).toBe(6);
		expect(normaliseTeachbaseType('ScormStat')).toBe('scorm_stat');
	});

	it('keeps the body under raw only when asked', async () => {
		const sample = teachbaseSample('task_stat', 'created');
		expect(await decode(sample)).not.toHaveProperty('raw');
		expect((await decode(sample, true)).raw).toEqual(sample);
	});
});

describe('the Teachbase Trigger webhook', () => {
	const trigger = new TeachbaseTrigger();
	const body = JSON.stringify(teachbaseSample('course_stat', 'updated'));

	function context(
		request: { body: string; query?: string },
		parameters: Record<string, unknown> = {},
		staticData: IDataObject = {},
		nodeId?: string,
	) {
		return fakeWebhookContext(
			{ ...request, contentType: 'application/json' },
			{ parameters, credentials: { token: TOKEN }, staticData, nodeId },
		);
	}

	it('answers 200 "ok" and starts the workflow', async () => {
		const { context: functions, reply } = context({ body });
		const result = await runWebhook(trigger, functions);
		expect(reply).toMatchObject({ status: 200, body: 'ok' });
		expect(result.workflowData?.[0]?.[0]?.json).toMatchObject({ event: 'course_stat.updated' });
	});

	it('refuses a wrong or missing token with 403 and starts nothing', async () => {
		for (const query of [undefined, 'token=wrong', `token=${TOKEN}x`]) {
			const { context: functions, reply } = context({ body, query }, { authentication: 'token' });
			expect(await runWebhook(trigger, functions)).toEqual({ noWebhookResponse: true });
			expect(reply).toMatchObject({ status: 403, body: 'forbidden' });
		}
		const allowed = context({ body, query: `token=${TOKEN}` }, { authentication: 'token' });
		expect((await runWebhook(trigger, allowed.context)).workflowData).toBeDefined();
	});

	it('takes a retry as new when n8n could not store the first delivery, and dedupes the one after', async () => {
		const first = context({ body }, {}, {}, 'tb-lost');
		expect((await trigger.webhook.call(first.context)).workflowData).toBeDefined();
		// n8n failed to store the execution: it answers 500 and saves no static data.
		first.context.getResponseObject().status(500).send('{"message":"Error in workflow"}');
		const retry = context({ body }, {}, {}, 'tb-lost');
		expect((await runWebhook(trigger, retry.context)).workflowData).toBeDefined();
		expect(retry.reply).toMatchObject({ status: 200, body: 'ok' });
		const again = context({ body }, {}, {}, 'tb-lost');
		expect(await runWebhook(trigger, again.context)).toEqual({ noWebhookResponse: true });
	});

	it('holds a copy that arrives before the first is answered, then answers it as a repeat', async () => {
		const first = context({ body }, {}, {}, 'tb-concurrent');
		expect((await trigger.webhook.call(first.context)).workflowData).toBeDefined();
		const copy = context({ body }, {}, {}, 'tb-concurrent');
		const copyResult = runWebhook(trigger, copy.context);
		await new Promise((resolve) => setImmediate(resolve));
		expect(copy.reply.status).toBeUndefined();
		first.context.getResponseObject().status(200).send('ok');
		expect(await copyResult).toEqual({ noWebhookResponse: true });
		expect(copy.reply).toMatchObject({ status: 200, body: 'ok' });
	});

	it('starts one execution for a retried body, and none for filtered types', async () => {
		const staticData: IDataObject = {};
		expect(
			(await runWebhook(trigger, context({ body }, {}, staticData, 'tb-node').context))
				.workflowData,
		).toBeDefined();
		const retry = context({ body }, {}, staticData, 'tb-node');
		expect(await runWebhook(trigger, retry.context)).toEqual({ noWebhookResponse: true });
		expect(retry.reply).toMatchObject({ status: 200, body: 'ok' });
		const noDedupe = context(
			{ body },
			{ triggerOptions: { deduplicate: false } },
			staticData,
			'tb-node',
		);
		expect((await runWebhook(trigger, noDedupe.context)).workflowData).toBeDefined();

		const filtered = context({ body }, { types: ['quiz_stat'] });
		expect(await runWebhook(trigger, filtered.context)).toEqual({ noWebhookResponse: true });
		expect(filtered.reply).toMatchObject({ status: 200, body: 'ok' });
	});

	it('flags an unreadable body with 200, or discards it with 200 when asked to', async () => {
		const flagged = context(
			{ body: '{"type":', query: `token=${TOKEN}` },
			{ authentication: 'token', routing: 'byEvent' },
		);
		const result = await runWebhook(trigger, flagged.context);
		expect(result.workflowData?.[6]?.[0]?.json).toMatchObject({
			unrecognized: true,
			rawBody: '{"type":',
		});
		expect(flagged.reply).toMatchObject({ status: 200, body: 'ok' });

		const discarding = context(
			{ body: '{"type":' },
			{ triggerOptions: { unrecognizedRequests: 'discard' } },
		);
		expect(await runWebhook(trigger, discarding.context)).toEqual({ noWebhookResponse: true });
		expect(discarding.reply).toMatchObject({ status: 200, body: 'ok' });
	});
});
