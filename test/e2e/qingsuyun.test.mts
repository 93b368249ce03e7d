import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { QINGSUYUN_SAMPLE_TYPES, qingsuyunSample } from '../../support/samples/qingsuyun.mjs';
import { postRaw, type DeliveryReply } from '../../support/deliver.mjs';
import { REPO_ROOT } from '../../support/n8n.mjs';
import { webhookSuite } from './harness/webhookSuite.mjs';

const SECRET = '2918148edb9a4939857a8b3a387127f6';

const suite = webhookSuite('qingsuyun', { QINGSUYUN_SECRET: SECRET });
const { basic: BASIC, filtered: FILTERED, routed: ROUTED } = suite.flows;

async function post(
	hook: string,
	body: string,
	contentType: string | undefined = 'application/json',
): Promise<DeliveryReply> {
	return await suite.send(hook, postRaw(body, contentType));
}

describe('Qingsuyun Trigger in a real n8n', () => {
	it('delivers each documented event type to the workflow and answers exactly "success"', async () => {
		for (const type of QINGSUYUN_SAMPLE_TYPES) {
			const sample = qingsuyunSample(type, SECRET);
			const before = suite.sink.recordsAt('/qsy-basic/0').length;
			const reply = await post(BASIC.hook, JSON.stringify(sample));
			expect(reply).toMatchObject({ status: 200, text: 'success' });
			expect(reply.contentType).toMatch(/^text\/plain/);

			const records = await suite.sink.waitFor('/qsy-basic/0', before + 1);
			const item = records[records.length - 1]?.body;
			expect(item).toMatchObject({
				platform: 'qingsuyun',
				event: type,
				eventId: sample.uuid,
				...sample.eventBody,
			});
			expect(typeof item?.eventName).toBe('string');
			expect(item?.eventName).not.toContain(type);
			expect(item?.occurredAt).toBe(`${sample.ts.replace(' ', 'T')}+08:00`);
			expect(item).not.toHaveProperty('secretKey');
			expect(item).not.toHaveProperty('callbackUrl');
			expect(JSON.stringify(item)).not.toContain(SECRET);
		}
	});

	it('gives epoch-millisecond times as ISO 8601 in Beijing time', async () => {
		const sample = qingsuyunSample('answerSheet', SECRET, { ts: '2022-01-08 17:39:42.388' });
		const before = suite.sink.recordsAt('/qsy-basic/0').length;
		await post(BASIC.hook, JSON.stringify(sample));
		const records = await suite.sink.waitFor('/qsy-basic/0', before + 1);
		expect(records[records.length - 1]?.body).toMatchObject({
			eventName: 'Exam Submitted',
			occurredAt: '2022-01-08T17:39:42.388+08:00',
			endTime: 1641634779413,
			endTimeIso: '2022-01-08T17:39:39.413+08:00',
			startTimeIso: '2022-01-08T17:39:32.902+08:00',
		});
	});

	it('tells the workflow whether an exam passed, waits for marking, and its score percentage', async () => {
		const base = qingsuyunSample('answerSheet', SECRET);
		const cases = [
			{
				body: { realScore: 86, passScore: 60, judged: 1 },
				expected: { passed: true, needsMarking: false, scorePercent: 86 },
			},
			{
				body: { realScore: 42.5, passScore: 60, judged: 1 },
				expected: { passed: false, needsMarking: false, scorePercent: 42.5 },
			},
			{
				body: { realScore: 30, passScore: 60, judged: null },
				expected: { passed: null, needsMarking: true, scorePercent: 30 },
			},
		];
		for (const { body, expected } of cases) {
			const sample = {
				...qingsuyunSample('answerSheet', SECRET),
				eventBody: { ...base.eventBody, ...body },
			};
			const before = suite.sink.recordsAt('/qsy-basic/0').length;
			expect(await post(BASIC.hook, JSON.stringify(sample))).toMatchObject({ text: 'success' });
			const records = await suite.sink.waitFor('/qsy-basic/0', before + 1);
			expect(records[records.length - 1]?.body).toMatchObject({
				eventId: sample.uuid,
				...expected,
			});
		}
		const clock = qingsuyunSample('clockFinish', SECRET);
		const check = { ...clock, eventBody: { ...clock.eventBody, rightRatio: '87.50%' } };
		const before = suite.sink.recordsAt('/qsy-basic/0').length;
		await post(BASIC.hook, JSON.stringify(check));
		const records = await suite.sink.waitFor('/qsy-basic/0', before + 1);
		expect(records[records.length - 1]?.body).toMatchObject({
			rightRatio: '87.50%',
			rightRatioPercent: 87.5,
		});
	});

	it('refuses a wrong or missing secret with 401 and starts no execution', async () => {
		const before = await suite.n8n.executionCount(BASIC.workflowId);
		const nearMiss = `${SECRET.slice(0, -1)}0`;
		const wrong = await post(BASIC.hook, JSON.stringify(qingsuyunSample('answerSheet', nearMiss)));
		const { secretKey: _omitted, ...withoutSecret } = qingsuyunSample('courseFinish', SECRET);
		const missing = await post(BASIC.hook, JSON.stringify(withoutSecret));
		for (const reply of [wrong, missing]) {
			expect(reply.status).toBe(401);
			expect(reply.text).not.toBe('success');
			expect(reply.text).not.toContain(SECRET);
		}
		expect(await suite.n8n.executionCount(BASIC.workflowId)).toBe(before);
	});

	it('starts one execution for a uuid delivered several times, and acknowledges every delivery', async () => {
		const sample = qingsuyunSample('courseFinish', SECRET);
		const before = await suite.n8n.executionCount(BASIC.workflowId);
		for (let attempt = 0; attempt < 3; attempt++) {
			expect(await post(BASIC.hook, JSON.stringify(sample))).toMatchObject({
				status: 200,
				text: 'success',
			});
		}
		expect(await suite.n8n.executionCount(BASIC.workflowId)).toBe(before + 1);
		await suite.sink.waitForMatch('/qsy-basic/0', (body) => body.eventId === sample.uuid);
		const matching = suite.sink
			.recordsAt('/qsy-basic/0')
			.filter((r) => r.body.eventId === sample.uuid);
		expect(matching).toHaveLength(1);
	});

	it('acknowledges a filtered-out type with "success" and starts nothing', async () => {
		const before = await suite.n8n.executionCount(FILTERED.workflowId);
		const reply = await post(FILTERED.hook, JSON.stringify(qingsuyunSample('clockFinish', SECRET)));
		expect(reply).toMatchObject({ status: 200, text: 'success' });
		expect(await suite.n8n.executionCount(FILTERED.workflowId)).toBe(before);

		const exam = qingsuyunSample('answerSheet', SECRET);
		expect(await post(FILTERED.hook, JSON.stringify(exam))).toMatchObject({ text: 'success' });
		const [record] = await suite.sink.waitFor('/qsy-filtered/0', 1);
		expect(record?.body).toMatchObject({ event: 'answerSheet', eventId: exam.uuid });
		// The raw payload option keeps the callback but never the secret or callback URL.
		expect(record?.body.raw).toMatchObject({ uuid: exam.uuid, type: 'answerSheet', ts: exam.ts });
		expect(record?.body.raw).not.toHaveProperty('secretKey');
		expect(record?.body.raw).not.toHaveProperty('callbackUrl');
		expect(await suite.n8n.executionCount(FILTERED.workflowId)).toBe(before + 1);
	});

	it('sends each event type to its own output when routing by event', async () => {
		for (const [index, type] of QINGSUYUN_SAMPLE_TYPES.entries()) {
			await post(ROUTED.hook, JSON.stringify(qingsuyunSample(type, SECRET)));
			const [record] = await suite.sink.waitFor(`/qsy-routed/${index}`, 1);
			expect(record?.body.event).toBe(type);
		}
		const future = { ...qingsuyunSample('answerSheet', SECRET), type: 'liveFinish' };
		await post(ROUTED.hook, JSON.stringify(future));
		const [other] = await suite.sink.waitFor('/qsy-routed/4', 1);
		expect(other?.body).toMatchObject({
			event: 'liveFinish',
			eventName: 'Qingsuyun event "liveFinish"',
		});
		for (let index = 0; index < QINGSUYUN_SAMPLE_TYPES.length; index++) {
			expect(suite.sink.recordsAt(`/qsy-routed/${index}`)).toHaveLength(1);
		}
	});

	it('passes an authenticated body it cannot read to the workflow, flagged, without the secret', async () => {
		const before = suite.sink.recordsAt('/qsy-basic/0').length;
		// Sent as text/plain and cut short: n8n hands it over unparsed, the node salvages the key.
		const truncated = JSON.stringify(qingsuyunSample('answerSheet', SECRET)).slice(0, 150);
		const reply = await post(BASIC.hook, truncated, 'text/plain');
		expect(reply).toMatchObject({ status: 200, text: 'success' });

		const noType = { ts: '2022-01-08 17:39:42.388', uuid: 'x1', secretKey: SECRET, eventBody: {} };
		expect(await post(BASIC.hook, JSON.stringify(noType))).toMatchObject({
			status: 200,
			text: 'success',
		});

		const records = (await suite.sink.waitFor('/qsy-basic/0', before + 2)).slice(before);
		for (const record of records) {
			expect(record.body).toMatchObject({
				platform: 'qingsuyun',
				event: 'unrecognized',
				unrecognized: true,
			});
			expect(typeof record.body.problem).toBe('string');
			expect(String(record.body.rawBody)).toContain('[redacted]');
			expect(JSON.stringify(record.body)).not.toContain(SECRET);
		}
	});

	it('rejects an unreadable body with 400 when the user chose to reject them', async () => {
		const before = await suite.n8n.executionCount(FILTERED.workflowId);
		const reply = await post(FILTERED.hook, `{"secretKey":"${SECRET}","type":`, 'text/plain');
		expect(reply.status).toBe(400);
		expect(reply.text).not.toBe('success');
		expect(await suite.n8n.executionCount(FILTERED.workflowId)).toBe(before);
	});

	it('treats an unreadable body without the right secret as unauthenticated', async () => {
		const before = await suite.n8n.executionCount(BASIC.workflowId);
		for (const body of ['', 'not json at all', '{"type":"answerSheet"', '[1,2,3]']) {
			const reply = await post(BASIC.hook, body, 'text/plain');
			expect(reply.status).toBe(401);
		}
		expect(await suite.n8n.executionCount(BASIC.workflowId)).toBe(before);
	});

	it('reads a callback sent with the wrong content type, or none', async () => {
		for (const contentType of ['text/plain', 'application/octet-stream', undefined]) {
			const sample = qingsuyunSample('clockFinish', SECRET);
			const before = suite.sink.recordsAt('/qsy-basic/0').length;
			expect(await post(BASIC.hook, JSON.stringify(sample), contentType)).toMatchObject({
				status: 200,
				text: 'success',
			});
			const records = await suite.sink.waitFor('/qsy-basic/0', before + 1);
			expect(records[records.length - 1]?.body).toMatchObject({
				event: 'clockFinish',
				eventId: sample.uuid,
			});
		}
	});

	it('keeps n8n healthy and never writes the secret into execution data or the log', async () => {
		expect(suite.n8n.isRunning()).toBe(true);
		expect((await fetch(`${suite.n8n.baseUrl}/healthz`)).status).toBe(200);
		for (const workflowId of [BASIC.workflowId, FILTERED.workflowId, ROUTED.workflowId]) {
			for (const data of await suite.n8n.executionData(workflowId))
				expect(data).not.toContain(SECRET);
		}
		expect(suite.n8n.log()).not.toContain(SECRET);
	});

	it('delivers every sample with `npm run send`, the command users try their flows with', async () => {
		const before = suite.sink.recordsAt('/qsy-basic/0').length;
		const { stdout } = await promisify(execFile)(
			'npx',
			[
				'tsx',
				'scripts/send.mts',
				'qingsuyun',
				'all',
				suite.webhookUrl(BASIC.hook),
				'--secret',
				SECRET,
			],
			{ cwd: REPO_ROOT },
		);
		for (const type of QINGSUYUN_SAMPLE_TYPES) {
			expect(stdout).toContain(`qingsuyun ${type} → HTTP 200 success`);
		}
		const records = (await suite.sink.waitFor('/qsy-basic/0', before + 4)).slice(before);
		// Each sample once; executions run concurrently, so they may reach the sink in any order.
		expect(records.map((record) => String(record.body.event)).sort()).toEqual(
			[...QINGSUYUN_SAMPLE_TYPES].sort(),
		);
	});
});
