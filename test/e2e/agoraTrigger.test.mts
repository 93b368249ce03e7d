/**
 * The Agora Classroom Trigger activated for real in n8n, polling the fake Agora server on n8n's
 * one-minute schedule. One n8n, few polls, each with a purpose: activation starts from "now";
 * 250+ new events arrive in one poll through injected faults, each once and in order; a
 * classroom created after activation is emitted from its first event; the cursor survives an
 * n8n restart; a destroyed classroom is reported once; a wrong certificate fails activation
 * with a clear message and starts nothing.
 */
import { describe, expect, it } from 'vitest';

import type { FakeAgoraServer } from '../../support/fakes/agoraServer.mjs';
import { pollUntil, sleep } from '../../support/process.mjs';
import type { RunningN8n } from '../../support/startN8n.mjs';
import { agoraTriggerSuite } from './harness/agoraTriggerSuite.mjs';
import type { Sink } from './harness/sink.mjs';
import { postedItems } from './harness/waiting.mjs';
import { CERTIFICATE, WRONG_CERTIFICATE } from '../../support/fakes/agoraApp.mjs';

const REGION = 'eu';
const ROOM_A = 'e2e room #A ?&%';
const ROOM_B = 'e2e-room-b';
const WORKFLOW = 'agoraPollFlow001';
const BAD_WORKFLOW = 'agoraBadCertFlow';
/** A poll comes once a minute at a random second; allow for a slow machine. */
const POLL_WAIT_MS = 150_000;

let n8n: RunningN8n;
let agora: FakeAgoraServer;
let sink: Sink;

type EmittedItem = Record<string, unknown>;

/** Every item the workflow received so far, execution by execution. */
function emitted(): EmittedItem[][] {
	return postedItems(sink, '/agora');
}

function chat(room: string, message: string): void {
	agora.addEvent(REGION, room, 3, { message, updateTime: Date.now() });
}

/** Waits for the next execution's items. */
async function nextExecution(): Promise<EmittedItem[]> {
	const seen = emitted().length;
	await pollUntil(() => emitted().length > seen, {
		timeout: POLL_WAIT_MS,
		describe: 'the next poll to emit',
		logSource: n8n,
	});
	return emitted()[seen] ?? [];
}

agoraTriggerSuite(
	{
		workflows: ['agoraTrigger.workflows.json', 'agoraTrigger.badCertificate.workflows.json'],
		rooms: { ROOM_A, ROOM_B },
		prepare: (fake) => {
			agora = fake;
			agora.createRoom(REGION, ROOM_A);
			chat(ROOM_A, 'before activation 1');
			chat(ROOM_A, 'before activation 2');
		},
	},
	(suite) => ({ n8n, agora, sink } = suite),
);

describe('Agora Classroom Trigger in n8n', () => {
	it('reads the classrooms on activation and starts from now: nothing old is emitted', async () => {
		await pollUntil(
			() =>
				agora.requests.some((request) => request.authorized && request.segments.includes(ROOM_B)),
			{ timeout: 60_000, describe: 'the activation poll', logSource: n8n },
		);
		expect(
			agora.requests.some(
				(request) =>
					request.authorized && request.segments.includes(ROOM_A) && request.status === 200,
			),
		).toBe(true);
		expect(emitted()).toEqual([]);
		expect(await n8n.executions(WORKFLOW)).toEqual([]);
	}, 90_000);

	it(
		'emits 250+ new events of one classroom and a newly created one in one poll, through faults, each once and in order',
		async () => {
			for (let index = 1; index <= 260; index++) chat(ROOM_A, `a${index}`);
			agora.createRoom(REGION, ROOM_B);
			chat(ROOM_B, 'b1');
			chat(ROOM_B, 'b2');
			agora.inject({ match: ROOM_A, status: 503 });
			agora.inject({
				match: (request) =>
					request.segments.includes(ROOM_A) &&
					request.query.get('nextId') !== null &&
					request.query.get('nextId') !== '3',
				malformed: true,
			});
			agora.inject({ match: ROOM_B, status: 429 });

			const items = await nextExecution();
			const fromA = items.filter((item) => item.roomUuid === ROOM_A);
			expect(fromA.map((item) => item.message)).toEqual(
				Array.from({ length: 260 }, (_, index) => `a${index + 1}`),
			);
			expect(fromA.map((item) => item.sequence)).toEqual(
				Array.from({ length: 260 }, (_, index) => index + 3),
			);
			expect(items.filter((item) => item.roomUuid === ROOM_B).map((item) => item.message)).toEqual([
				'b1',
				'b2',
			]);
			expect(items).toHaveLength(262);
			expect(fromA[0]).toMatchObject({ event: '3', eventId: `${ROOM_A}:3` });
		},
		POLL_WAIT_MS + 30_000,
	);

	it(
		'keeps its cursor across an n8n restart: events from while n8n was down arrive once',
		async () => {
			const executionsBefore = await n8n.executionCount(WORKFLOW);
			chat(ROOM_A, 'before restart');
			await n8n.restart();
			chat(ROOM_A, 'after restart');
			await pollUntil(
				() =>
					emitted()
						.flat()
						.filter((item) => String(item.message).includes('restart')).length >= 2,
				{ timeout: POLL_WAIT_MS, describe: 'both events after the restart', logSource: n8n },
			);
			// One more poll with nothing new must not repeat anything.
			const requests = agora.requestCount(ROOM_A);
			await pollUntil(() => agora.requestCount(ROOM_A) > requests + 1, {
				timeout: POLL_WAIT_MS,
				describe: 'one more poll',
				logSource: n8n,
			});
			const all = emitted().flat();
			expect(all.filter((item) => item.message === 'before restart')).toHaveLength(1);
			expect(all.filter((item) => item.message === 'after restart')).toHaveLength(1);
			const ids = all.map((item) => item.eventId);
			expect(new Set(ids).size).toBe(ids.length);
			expect(await n8n.executionCount(WORKFLOW)).toBeGreaterThan(executionsBefore);
		},
		2 * POLL_WAIT_MS,
	);

	it(
		'reports a destroyed classroom once',
		async () => {
			agora.destroyRoom(REGION, ROOM_B);
			const items = await nextExecution();
			expect(items).toEqual([expect.objectContaining({ event: 'roomGone', roomUuid: ROOM_B })]);
			const requests = agora.requestCount(ROOM_B);
			await pollUntil(() => agora.requestCount(ROOM_B) > requests, {
				timeout: POLL_WAIT_MS,
				describe: 'one more poll',
				logSource: n8n,
			});
			await sleep(2_000);
			expect(
				emitted()
					.flat()
					.filter((item) => item.event === 'roomGone'),
			).toHaveLength(1);
		},
		2 * POLL_WAIT_MS,
	);

	it('fails to activate with a wrong certificate, says why, and never leaks the certificate', async () => {
		expect(n8n.log()).toMatch(/Agora answered HTTP 401/);
		expect(n8n.log()).not.toContain(WRONG_CERTIFICATE);
		expect(n8n.log()).not.toContain(CERTIFICATE);
		expect(sink.recordsAt('/agora-bad')).toEqual([]);
		expect(await n8n.executions(BAD_WORKFLOW)).toEqual([]);
		const data = (await n8n.executionData(WORKFLOW)).join('\n');
		expect(data).not.toContain(CERTIFICATE);
	});
});
