import { describe, expect, it } from 'vitest';

import {
	TEACHBASE_SAMPLE_EVENTS,
	TEACHBASE_SAMPLE_TYPES,
	teachbaseLegacySample,
	teachbaseSample,
} from '../../support/samples/teachbase.mjs';
import { postRaw } from '../../support/deliver.mjs';
import { webhookSuite } from './harness/webhookSuite.mjs';

const TOKEN = 'tb-e2e-token-7f3a9c2e41d8b605';

const suite = webhookSuite('teachbase', { TEACHBASE_TOKEN: TOKEN });
const { open: OPEN, token: TOKEN_FLOW, routed: ROUTED } = suite.flows;

async function post(
	hook: string,
	body: string,
	options: { contentType?: string; token?: string } = {},
): Promise<{ status: number; text: string }> {
	const query: Record<string, string> = options.token === undefined ? {} : { token: options.token };
	const { status, text } = await suite.send(
		hook,
		postRaw(body, options.contentType ?? 'application/json'),
		query,
	);
	return { status, text };
}

/** The sample with another record id: a different body, so retry dedupe does not apply. */
function variant(sample: ReturnType<typeof teachbaseSample>, id: number) {
	return { ...sample, data: { ...sample.data, id } };
}

async function lastRecordAfter(path: string, before: number): Promise<Record<string, unknown>> {
	const records = await suite.sink.waitFor(path, before + 1);
	return records[records.length - 1]?.body ?? {};
}

describe('Teachbase Trigger in a real n8n', () => {
	it('delivers every webhook type × event with its readable name and flat fields, answering 200', async () => {
		for (const type of TEACHBASE_SAMPLE_TYPES) {
			for (const event of TEACHBASE_SAMPLE_EVENTS) {
				const sample = teachbaseSample(type, event);
				const before = suite.sink.recordsAt('/tb-open/0').length;
				expect(await post(OPEN.hook, JSON.stringify(sample))).toEqual({ status: 200, text: 'ok' });
				const item = await lastRecordAfter('/tb-open/0', before);
				expect(item).toMatchObject({
					platform: 'teachbase',
					event: `${type}.${event}`,
					user_id: 2240981,
					course_id: 84213,
					course_session_id: 190327,
				});
				expect(item.eventName).toMatch(/^[A-Z]/);
				expect(item.eventName).not.toContain('_');
				expect(item.raw).toEqual(sample);
				for (const [key, value] of Object.entries(sample.data)) {
					if (typeof value !== 'object' || value === null) expect(item[key]).toEqual(value);
				}
			}
		}
	});

	it('names course events the way a training team thinks of them and normalises times', async () => {
		const before = suite.sink.recordsAt('/tb-open/0').length;
		await post(OPEN.hook, JSON.stringify(variant(teachbaseSample('course_stat', 'created'), 1001)));
		const created = await lastRecordAfter('/tb-open/0', before);
		expect(created).toMatchObject({
			eventName: 'User enrolled in course',
			occurredAt: '2024-03-01T06:00:12.000Z',
			created_at: '2024-03-01T09:00:12+03:00',
			created_at_iso: '2024-03-01T06:00:12.000Z',
		});

		await post(OPEN.hook, JSON.stringify(variant(teachbaseSample('quiz_stat', 'updated'), 1002)));
		const quiz = await lastRecordAfter('/tb-open/0', before + 1);
		expect(quiz).toMatchObject({
			eventName: 'Quiz result updated',
			updated_at: 1709566925,
			updated_at_iso: '2024-03-04T15:42:05.000Z',
			occurredAt: '2024-03-04T15:42:05.000Z',
			finished_at_iso: '2024-03-04T15:41:33.000Z',
		});
	});

	it('refuses a wrong or missing token with 403 and starts nothing; accepts the right one', async () => {
		const body = JSON.stringify(teachbaseSample('course_stat', 'updated'));
		const before = await suite.n8n.executionCount(TOKEN_FLOW.workflowId);
		for (const token of [undefined, '', `${TOKEN.slice(0, -1)}6`, TOKEN.toUpperCase()]) {
			const reply = await post(TOKEN_FLOW.hook, body, { token });
			expect(reply.status).toBe(403);
			expect(reply.text).not.toContain(TOKEN);
		}
		expect(await suite.n8n.executionCount(TOKEN_FLOW.workflowId)).toBe(before);

		expect(await post(TOKEN_FLOW.hook, body, { token: TOKEN })).toEqual({
			status: 200,
			text: 'ok',
		});
		const records = await suite.sink.waitFor('/tb-token/0', 1);
		expect(records[0]?.body).toMatchObject({ event: 'course_stat.updated' });
		expect(JSON.stringify(records[0]?.body)).not.toContain(TOKEN);
		expect(await suite.n8n.executionCount(TOKEN_FLOW.workflowId)).toBe(before + 1);
	});

	it('answers 200 to filtered types and to unreadable bodies it was told to drop, starting nothing', async () => {
		const before = await suite.n8n.executionCount(TOKEN_FLOW.workflowId);
		const material = JSON.stringify(teachbaseSample('material_stat', 'updated'));
		expect(await post(TOKEN_FLOW.hook, material, { token: TOKEN })).toEqual({
			status: 200,
			text: 'ok',
		});
		expect(
			await post(TOKEN_FLOW.hook, '{"garbage":', { token: TOKEN, contentType: 'text/plain' }),
		).toEqual({
			status: 200,
			text: 'ok',
		});
		expect(await suite.n8n.executionCount(TOKEN_FLOW.workflowId)).toBe(before);
	});

	it('starts one execution for the same body delivered five times', async () => {
		const body = JSON.stringify(variant(teachbaseSample('section_stat', 'updated'), 999001));
		const before = await suite.n8n.executionCount(OPEN.workflowId);
		for (let attempt = 0; attempt < 5; attempt++) {
			expect(await post(OPEN.hook, body)).toEqual({ status: 200, text: 'ok' });
		}
		expect(await suite.n8n.executionCount(OPEN.workflowId)).toBe(before + 1);
		await suite.sink.waitForMatch('/tb-open/0', (body) => body.id === 999001);
		expect(
			suite.sink.recordsAt('/tb-open/0').filter((record) => record.body.id === 999001),
		).toHaveLength(1);
	});

	it('decodes the older {entity: {action: {…}}} shape and a form field holding it', async () => {
		const before = suite.sink.recordsAt('/tb-open/0').length;
		const legacy = teachbaseLegacySample('task_stat', 'updated');
		expect(await post(OPEN.hook, JSON.stringify(legacy))).toEqual({ status: 200, text: 'ok' });
		const fromLegacy = await lastRecordAfter('/tb-open/0', before);
		expect(fromLegacy).toMatchObject({
			event: 'task_stat.updated',
			task_id: 2290,
			user_id: 2240981,
		});

		const camel = { CourseStat: { created: teachbaseSample('course_stat', 'created').data } };
		const form = new URLSearchParams({ data: JSON.stringify(camel) }).toString();
		expect(
			await post(OPEN.hook, form, { contentType: 'application/x-www-form-urlencoded' }),
		).toEqual({
			status: 200,
			text: 'ok',
		});
		const fromForm = await lastRecordAfter('/tb-open/0', before + 1);
		expect(fromForm).toMatchObject({
			event: 'course_stat.created',
			eventName: 'User enrolled in course',
		});
	});

	it('passes a garbage body to the workflow as one flagged item, answering 200', async () => {
		const before = await suite.n8n.executionCount(OPEN.workflowId);
		const records = suite.sink.recordsAt('/tb-open/0').length;
		expect(await post(OPEN.hook, 'this is not json {', { contentType: 'text/plain' })).toEqual({
			status: 200,
			text: 'ok',
		});
		const item = await lastRecordAfter('/tb-open/0', records);
		expect(item).toMatchObject({
			platform: 'teachbase',
			event: 'unrecognized',
			unrecognized: true,
			rawBody: 'this is not json {',
		});
		expect(await suite.n8n.executionCount(OPEN.workflowId)).toBe(before + 1);
	});

	it('routes each webhook type to its own output and lets unknown types through to Other', async () => {
		for (const [index, type] of TEACHBASE_SAMPLE_TYPES.entries()) {
			await post(ROUTED.hook, JSON.stringify(teachbaseSample(type, 'updated')));
			const [record] = await suite.sink.waitFor(`/tb-routed/${index}`, 1);
			expect(record?.body.event).toBe(`${type}.updated`);
		}
		await post(
			ROUTED.hook,
			JSON.stringify({ type: 'webinar_stat', event: 'updated', data: { id: 1 } }),
		);
		const [other] = await suite.sink.waitFor('/tb-routed/6', 1);
		expect(other?.body).toMatchObject({
			event: 'webinar_stat.updated',
			eventName: 'Teachbase webinar_stat updated',
		});
		// The routed workflow accepts only "updated": a "created" event starts nothing.
		const before = await suite.n8n.executionCount(ROUTED.workflowId);
		await post(ROUTED.hook, JSON.stringify(teachbaseSample('course_stat', 'created')));
		expect(await suite.n8n.executionCount(ROUTED.workflowId)).toBe(before);
		for (let index = 0; index < TEACHBASE_SAMPLE_TYPES.length; index++) {
			expect(suite.sink.recordsAt(`/tb-routed/${index}`)).toHaveLength(1);
		}
	});
});
