/**
 * Agora fault injection through a real n8n: a scripted stream of events across three classrooms
 * (chat messages and pop-up quiz changes) while the fake Agora server answers a quarter of the
 * event-list requests with 503, 429, a cut-off body or a slow answer, once with an answer slower
 * than the request timeout, destroys a classroom, and n8n is restarted in the middle. Afterwards
 * it prints events produced / emitted / lost / duplicated and the API requests used; lost and
 * duplicated must be 0, and the destroyed classroom is reported exactly once.
 */
import { describe, expect, it } from 'vitest';

import { n8nVersion } from '../../support/n8n.mjs';
import { pollUntil, sleep } from '../../support/process.mjs';
import type { FakeAgoraServer, RecordedRequest } from '../../support/fakes/agoraServer.mjs';
import type { RunningN8n } from '../../support/startN8n.mjs';
import { agoraTriggerSuite } from './harness/agoraTriggerSuite.mjs';
import type { Sink } from './harness/sink.mjs';
import { postedItems } from './harness/waiting.mjs';
import { CERTIFICATE } from '../../support/fakes/agoraApp.mjs';

const REGION = 'eu';
const ROOMS = ['faults room 1', 'faults-room-2', 'faults#room&3'] as const;
const DOOMED = ROOMS[2];
const WORKFLOW = 'agoraFaultFlow01';
/** Event-list requests hit by a fault (spread over four kinds). */
const FAULT_SHARE = 0.25;

let n8n: RunningN8n;
let agora: FakeAgoraServer;
let sink: Sink;

function emitted(): Array<Record<string, unknown>> {
	return postedItems(sink, '/agora-faults').flat();
}

/** A seeded generator, so a failing run can be replayed. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

const isEventList = (request: RecordedRequest) => request.segments.at(-1) === 'sequences';
const STREAMS = ROOMS.flatMap((room) => [
	['rooms', room, 'sequences'],
	['rooms', room, 'widgets', 'popupQuiz', 'sequences'],
]);
/** An event-list request for `stream` (its path's last segments) that Agora answered with 200. */
function isReadOf(request: RecordedRequest, stream: readonly string[]): boolean {
	const tail = request.segments.slice(-stream.length);
	return (
		request.authorized &&
		request.status === 200 &&
		tail.length === stream.length &&
		tail.every((segment, index) => segment === stream[index])
	);
}

agoraTriggerSuite(
	{
		workflows: ['agoraFaults.workflows.json'],
		rooms: { ROOM_1: ROOMS[0], ROOM_2: ROOMS[1], ROOM_3: ROOMS[2] },
		prepare: (fake) => {
			for (const room of ROOMS) fake.createRoom(REGION, room);
		},
	},
	(suite) => ({ n8n, agora, sink } = suite),
);

describe('Agora fault injection', () => {
	it('loses and duplicates nothing through 5xx, 429, cut-off and slow answers, a timeout, a destroyed classroom and an n8n restart', async () => {
		// The first poll marks where each stream ends; only events after that are new. Events
		// produced before it has read a stream (the last classroom is read last) are, by design,
		// not emitted, so the stream of events starts once every stream has been read.
		await pollUntil(
			() => STREAMS.every((stream) => agora.requests.some((request) => isReadOf(request, stream))),
			{ timeout: 60_000, describe: 'the first poll to read all six streams', logSource: n8n },
		);
		const chance = random(20261122);
		const faults: Record<string, number> = { '503': 0, '429': 0, cutOff: 0, slow: 0, timeout: 0 };
		const kinds = [
			{ name: '503', fault: { status: 503 } },
			{ name: '429', fault: { status: 429 } },
			{ name: 'cutOff', fault: { malformed: true } },
			{ name: 'slow', fault: { delayMs: 1_500 } },
		];
		for (const { name, fault } of kinds) {
			agora.inject({
				match: (request) => {
					const hit = isEventList(request) && chance() < FAULT_SHARE / kinds.length;
					if (hit) faults[name] = (faults[name] ?? 0) + 1;
					return hit;
				},
				times: 1e9,
				...fault,
			});
		}

		const produced: string[] = [];
		const live = new Set<string>(ROOMS);
		let counter = 0;
		const producer = setInterval(() => {
			const rooms = [...live];
			if (rooms.length === 0) return;
			const room = rooms[Math.floor(chance() * rooms.length)] ?? ROOMS[0];
			counter++;
			const event =
				counter % 7 === 0
					? agora.addWidgetEvent(REGION, room, 'popupQuiz', {
							action: 1,
							changeProperties: {
								popupQuizId: `quiz-${counter}`,
								selectedItems: ['A'],
								lastCommitTime: Date.now(),
							},
							cause: { action: 3, popQuizId: `quiz-${counter}` },
						})
					: agora.addEvent(REGION, room, 3, { message: `m${counter}`, updateTime: Date.now() });
			produced.push(`${room}:${event.sequence}`);
		}, 400);

		try {
			// A first delivery, then one answer slower than the 30 s request timeout and one cut off.
			await pollUntil(() => emitted().length > 0, {
				timeout: 150_000,
				describe: 'a first delivery',
				logSource: n8n,
			});
			agora.inject({
				match: (request) => {
					const hit = isEventList(request) && request.segments.includes(ROOMS[0]);
					if (hit) faults.timeout = 1;
					return hit;
				},
				delayMs: 32_000,
			});
			agora.inject({
				match: (request) => {
					const hit = isEventList(request) && request.segments.includes(ROOMS[1]);
					if (hit) faults.cutOff = (faults.cutOff ?? 0) + 1;
					return hit;
				},
				malformed: true,
			});

			// The doomed classroom goes quiet, its events are delivered, then Agora destroys it.
			await pollUntil(() => sink.recordsAt('/agora-faults').length >= 2, {
				timeout: 150_000,
				describe: 'a second delivery',
				logSource: n8n,
			});
			live.delete(DOOMED);
			const doomed = () => produced.filter((id) => id.startsWith(`${DOOMED}:`));
			const doomedMissing = () =>
				doomed().filter((id) => !emitted().some((item) => item.eventId === id));
			await pollUntil(() => doomedMissing().length === 0, {
				// The third classroom is read after the two whose first reads time out and are cut
				// off, and n8n polls once a minute.
				timeout: 240_000,
				describe: "the doomed classroom's events",
				logSource: n8n,
			}).catch((error: unknown) => {
				throw new Error(`${String(error)}\nnot emitted: ${doomedMissing().join(', ')}`);
			});
			agora.destroyRoom(REGION, DOOMED);
			await pollUntil(() => emitted().some((item) => item.event === 'roomGone'), {
				timeout: 150_000,
				describe: 'the classroom-gone report',
				logSource: n8n,
			});

			const deliveriesBeforeRestart = sink.recordsAt('/agora-faults').length;
			await n8n.restart();
			await pollUntil(() => sink.recordsAt('/agora-faults').length > deliveriesBeforeRestart, {
				timeout: 150_000,
				describe: 'a delivery after the restart',
				logSource: n8n,
			});
		} finally {
			clearInterval(producer);
		}

		// Faults off: the next polls catch up on everything.
		agora.clearFaults();
		await pollUntil(() => produced.every((id) => emitted().some((item) => item.eventId === id)), {
			timeout: 200_000,
			describe: 'every produced event',
			logSource: n8n,
		});
		const requestsAtEnd = agora.requests.filter(isEventList).length;
		await pollUntil(() => agora.requests.filter(isEventList).length > requestsAtEnd + 1, {
			timeout: 150_000,
			describe: 'one more poll',
			logSource: n8n,
		});
		await sleep(3_000);

		const events = emitted().filter((item) => item.event !== 'roomGone');
		const ids = events.map((item) => String(item.eventId ?? ''));
		const unique = new Set(ids);
		const lost = produced.filter((id) => !unique.has(id));
		const eventRequests = agora.requests.filter(isEventList);
		const report = {
			n8n: n8nVersion(),
			eventsProduced: produced.length,
			eventsEmitted: ids.length,
			lost: lost.length,
			duplicated: ids.length - unique.size,
			unexpected: [...unique].filter((id) => !produced.includes(id)).length,
			classroomGoneReports: emitted().filter((item) => item.event === 'roomGone').length,
			executions: await n8n.executionCount(WORKFLOW),
			eventListRequests: eventRequests.length,
			faultsInjected: faults,
			n8nRestarts: 1,
		};
		console.log(`Agora fault injection\n${JSON.stringify(report, null, 2)}`);
		expect(lost).toEqual([]);
		expect(report.duplicated).toBe(0);
		expect(report.unexpected).toBe(0);
		expect(report.classroomGoneReports).toBe(1);
		expect(n8n.log()).not.toContain(CERTIFICATE);
	}, 1_200_000);
});
