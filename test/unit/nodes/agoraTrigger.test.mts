import { NodeApiError, type IDataObject } from 'n8n-workflow';
import { beforeEach, describe, expect, it } from 'vitest';

import { AGORA_TRIGGER_OUTPUTS } from '../../../nodes/AgoraClassroom/trigger/outputs';
import { PollHarness } from '../../../support/fakes/agoraPollContext.mjs';
import type { FakeAgoraServer } from '../../../support/fakes/agoraServer.mjs';
import { fakeAgoraServerPerFile } from '../support/fakeAgoraServerPerFile.mjs';
import { failureOf } from '../support/failureOf.mjs';
import { APP_ID, CERTIFICATE } from '../../../support/fakes/agoraApp.mjs';

const REGION = 'eu';
const ODD_ROOM = 'class #2 ?a=b&c=100%';

let server: FakeAgoraServer;
const credentials = (certificate = CERTIFICATE) => ({
	appId: APP_ID,
	appCertificate: certificate,
	region: REGION,
	domain: server.url,
});

function harness(
	parameters: IDataObject,
	extra: { pollBudgetMs?: number; certificate?: string } = {},
): PollHarness {
	return new PollHarness({
		credentials: credentials(extra.certificate),
		parameters: {
			source: 'rooms',
			streams: ['classroom'],
			eventTypes: [],
			routing: 'single',
			options: {},
			...parameters,
		},
		pollBudgetMs: extra.pollBudgetMs,
	});
}

function chat(room: string, text: string) {
	return server.addEvent(REGION, room, 3, { message: text, updateTime: 1_700_000_000_000 });
}

const sequences = (items: IDataObject[]) => items.map((item) => item.sequence);
const messages = (items: IDataObject[]) => items.map((item) => item.message);

fakeAgoraServerPerFile((started) => (server = started));
beforeEach(() => {
	server.clearFaults();
	for (const room of ['room-a', 'room-b', 'room-c', ODD_ROOM]) server.destroyRoom(REGION, room);
});

describe('Agora Classroom Trigger: cursor', () => {
	it('starts from now on first activation, then emits each new event once, in order', async () => {
		server.createRoom(REGION, 'room-a');
		chat('room-a', 'before activation 1');
		chat('room-a', 'before activation 2');
		const trigger = harness({ roomIds: ['room-a'] });

		expect(await trigger.poll()).toBeNull();
		chat('room-a', 'one');
		chat('room-a', 'two');
		const first = await trigger.pollItems();
		expect(messages(first)).toEqual(['one', 'two']);
		expect(sequences(first)).toEqual([3, 4]);
		expect(first[0]).toMatchObject({
			platform: 'agora',
			event: '3',
			eventName: 'Chat message',
			eventId: 'room-a:3',
			roomUuid: 'room-a',
		});
		expect(await trigger.poll()).toBeNull();
		chat('room-a', 'three');
		expect(messages(await trigger.pollItems())).toEqual(['three']);
	});

	it('emits the events already there when asked to', async () => {
		server.createRoom(REGION, 'room-a');
		chat('room-a', 'old 1');
		chat('room-a', 'old 2');
		const trigger = harness({ roomIds: ['room-a'], options: { includeExisting: true } });
		expect(messages(await trigger.pollItems())).toEqual(['old 1', 'old 2']);
		expect(await trigger.poll()).toBeNull();
	});

	it('follows nextId across pages: 250 events in one poll, 3 requests, each once and in order', async () => {
		server.createRoom(REGION, 'room-a');
		const trigger = harness({ roomIds: ['room-a'] });
		await trigger.poll();
		for (let index = 1; index <= 250; index++) chat('room-a', `m${index}`);
		const before = server.requestCount('sequences');
		const items = await trigger.pollItems();
		expect(server.requestCount('sequences') - before).toBe(3);
		expect(items).toHaveLength(250);
		expect(sequences(items)).toEqual(Array.from({ length: 250 }, (_, index) => index + 1));
		expect(await trigger.poll()).toBeNull();
	});

	it('keeps a separate cursor per classroom and encodes odd classroom IDs', async () => {
		server.createRoom(REGION, 'room-a');
		server.createRoom(REGION, ODD_ROOM);
		const trigger = harness({ roomIds: ['room-a', ODD_ROOM] });
		await trigger.poll();
		chat(ODD_ROOM, 'odd 1');
		chat('room-a', 'a 1');
		chat(ODD_ROOM, 'odd 2');
		const items = await trigger.pollItems();
		expect(items.map((item) => `${item.roomUuid}/${item.message}`)).toEqual([
			'room-a/a 1',
			`${ODD_ROOM}/odd 1`,
			`${ODD_ROOM}/odd 2`,
		]);
		expect(
			server.requests.some((request) => request.rawPath.includes(encodeURIComponent(ODD_ROOM))),
		).toBe(true);
	});

	it('waits quietly for a classroom that does not exist yet, then emits its events from the first', async () => {
		const trigger = harness({ roomIds: ['room-b'] });
		expect(await trigger.poll()).toBeNull();
		expect(await trigger.poll()).toBeNull();
		server.createRoom(REGION, 'room-b');
		chat('room-b', 'first ever');
		expect(messages(await trigger.pollItems())).toEqual(['first ever']);
	});

	it('reports a destroyed classroom once, drops its cursor, and starts over if the ID comes back', async () => {
		server.createRoom(REGION, 'room-a');
		const trigger = harness({ roomIds: ['room-a'] });
		await trigger.poll();
		chat('room-a', 'last words');
		expect(messages(await trigger.pollItems())).toEqual(['last words']);
		server.destroyRoom(REGION, 'room-a');
		const gone = await trigger.pollItems();
		expect(gone).toEqual([
			expect.objectContaining({
				platform: 'agora',
				event: 'roomGone',
				eventName: 'Classroom gone',
				roomUuid: 'room-a',
			}),
		]);
		expect(await trigger.poll()).toBeNull();
		server.createRoom(REGION, 'room-a');
		chat('room-a', 'new class');
		expect(messages(await trigger.pollItems())).toEqual(['new class']);
	});

	it('reports a classroom destroyed in the middle of a poll', async () => {
		server.createRoom(REGION, 'room-a');
		const trigger = harness({ roomIds: ['room-a'] });
		await trigger.poll();
		chat('room-a', 'x');
		server.inject({ match: 'room-a/sequences', destroyRoom: 'room-a' });
		expect((await trigger.pollItems()).map((item) => item.event)).toEqual(['roomGone']);
	});

	it('leaves the cursor alone in manual mode and shows the newest events', async () => {
		server.createRoom(REGION, 'room-a');
		const trigger = harness({ roomIds: ['room-a'] });
		await trigger.poll();
		for (let index = 1; index <= 15; index++) chat('room-a', `m${index}`);
		trigger.mode = 'manual';
		const sample = await trigger.pollItems();
		expect(messages(sample)).toEqual(Array.from({ length: 10 }, (_, index) => `m${index + 6}`));
		trigger.mode = 'trigger';
		expect(await trigger.pollItems()).toHaveLength(15);
	});

	it('says so in manual mode when there is nothing yet', async () => {
		server.createRoom(REGION, 'room-a');
		const trigger = harness({ roomIds: ['room-a'] });
		trigger.mode = 'manual';
		expect((await failureOf(trigger.poll())).message).toContain('No events yet');
	});
});

describe('Agora Classroom Trigger: faults', () => {
	it('retries 429, 5xx and malformed answers within the poll and loses nothing', async () => {
		server.createRoom(REGION, 'room-a');
		const trigger = harness({ roomIds: ['room-a'] });
		await trigger.poll();
		for (let index = 1; index <= 150; index++) chat('room-a', `m${index}`);
		server.inject({ match: 'sequences', status: 429 });
		server.inject({ match: (request) => request.query.get('nextId') === '101', malformed: true });
		server.inject({ match: 'sequences', status: 503 });
		const items = await trigger.pollItems();
		expect(sequences(items)).toEqual(Array.from({ length: 150 }, (_, index) => index + 1));
	}, 20_000);

	it('fails the poll when a fault persists, keeps the cursor, and catches up afterwards', async () => {
		server.createRoom(REGION, 'room-a');
		const trigger = harness({ roomIds: ['room-a'] }, { pollBudgetMs: 1_500 });
		await trigger.poll();
		chat('room-a', 'one');
		chat('room-a', 'two');
		server.inject({ match: 'sequences', status: 500, times: 50 });
		const error = await failureOf(trigger.poll());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('HTTP 500');
		server.clearFaults();
		expect(messages(await trigger.pollItems())).toEqual(['one', 'two']);
	});

	it('lets the other classrooms flow when one keeps failing', async () => {
		server.createRoom(REGION, 'room-a');
		server.createRoom(REGION, 'room-b');
		const trigger = harness({ roomIds: ['room-a', 'room-b'] }, { pollBudgetMs: 1_500 });
		await trigger.poll();
		chat('room-a', 'a');
		chat('room-b', 'b');
		server.inject({ match: 'room-a/sequences', status: 502, times: 50 });
		expect(messages(await trigger.pollItems())).toEqual(['b']);
		expect(trigger.warnings.join('\n')).toContain('room-a');
		server.clearFaults();
		expect(messages(await trigger.pollItems())).toEqual(['a']);
	});

	it('fails clearly when Agora rejects the token', async () => {
		server.createRoom(REGION, 'room-a');
		const trigger = harness(
			{ roomIds: ['room-a'] },
			{ certificate: 'ffffffffffffffffffffffffffffffff' },
		);
		const error = await failureOf(trigger.poll());
		expect(error.message).toContain('HTTP 401');
		expect(error instanceof NodeApiError ? error.description : '').toContain('App Certificate');
		expect(JSON.stringify(error)).not.toContain('ffffffffffffffffffffffffffffffff');
	});

	it('does not read the same events twice when a poll starts while the previous one still runs', async () => {
		server.createRoom(REGION, 'room-a');
		const trigger = harness({ roomIds: ['room-a'] });
		await trigger.poll();
		chat('room-a', 'once');
		server.inject({ match: 'sequences', delayMs: 300 });
		const [first, second] = await Promise.all([trigger.pollItems(), trigger.pollItems()]);
		expect([...first, ...second].map((item) => item.message)).toEqual(['once']);
	});

	it('stops reading when the poll budget is spent and continues next poll', async () => {
		server.createRoom(REGION, 'room-a');
		const trigger = harness({ roomIds: ['room-a'] }, { pollBudgetMs: 500 });
		await trigger.poll();
		for (let index = 1; index <= 300; index++) chat('room-a', `m${index}`);
		server.inject({ match: 'sequences', delayMs: 300, times: 2 });
		const first = await trigger.pollItems();
		expect(first.length).toBeGreaterThan(0);
		expect(first.length).toBeLessThan(300);
		const rest = await trigger.pollItems();
		expect(sequences([...first, ...rest])).toEqual(
			Array.from({ length: 300 }, (_, index) => index + 1),
		);
	});
});

describe('Agora Classroom Trigger: what comes out', () => {
	it('filters by event type and splits users in/out into one item per user', async () => {
		server.createRoom(REGION, 'room-a');
		const trigger = harness({ roomIds: ['room-a'], eventTypes: ['20'] });
		await trigger.poll();
		chat('room-a', 'ignored');
		server.addEvent(REGION, 'room-a', 20, {
			onlineUsers: [
				{
					userUuid: 'u1',
					userName: 'Ann',
					role: 'audience',
					type: 1,
					updateTime: 1_700_000_000_000,
				},
				{ userUuid: 'u2', userName: 'Bob', role: '1', type: 2, updateTime: 1_700_000_001_000 },
			],
			offlineUsers: [
				{ userUuid: 'u3', userName: 'Cy', role: 2, type: 2, updateTime: 1_700_000_002_000 },
			],
		});
		const items = await trigger.pollItems();
		expect(items.map((item) => [item.userName, item.movement, item.role])).toEqual([
			['Ann', 'joined', 'student'],
			['Bob', 'reconnected', 'teacher'],
			['Cy', 'kicked', 'student'],
		]);
		expect(items[2]).toMatchObject({
			eventName: 'User kicked',
			occurredAt: '2023-11-14T22:13:22.000Z',
		});
	});

	it('routes each event type to its own output', async () => {
		server.createRoom(REGION, 'room-a');
		const trigger = harness({ roomIds: ['room-a'], routing: 'byEvent' });
		await trigger.poll();
		chat('room-a', 'hi');
		server.addEvent(REGION, 'room-a', 1, { state: 1, startTime: 1_700_000_000_000 });
		server.addEvent(REGION, 'room-a', 4242, { anything: true });
		const outputs = (await trigger.poll()) ?? [];
		expect(outputs).toHaveLength(AGORA_TRIGGER_OUTPUTS.names.length);
		const named = Object.fromEntries(
			outputs.map((items, index) => [
				AGORA_TRIGGER_OUTPUTS.names[index],
				items.map((item) => item.json.eventName),
			]),
		);
		expect(named).toMatchObject({
			Class: ['Class started'],
			Chat: ['Chat message'],
			Other: ['Agora Event 4242'],
		});
	});

	it('reads widget streams and never emits a widget change twice', async () => {
		server.createRoom(REGION, 'room-a');
		const trigger = harness({ roomIds: ['room-a'], streams: ['classroom', 'popupQuiz'] });
		await trigger.poll();
		server.addWidgetEvent(REGION, 'room-a', 'popupQuiz', {
			action: 1,
			changeProperties: {
				'extra.answerState': 1,
				state: 1,
				'extra.popupQuizId': 'q1',
				'extra.receiveQuestionTime': 1_652_413_962_895,
			},
			cause: { action: 1, popQuizId: 'q1' },
		});
		server.addWidgetEvent(REGION, 'room-a', 'countdown', {
			action: 1,
			changeProperties: { state: 1 },
		});
		chat('room-a', 'hi');
		const items = await trigger.pollItems();
		expect(items.map((item) => item.eventName)).toEqual([
			'Widget changed',
			'Chat message',
			'Quiz started',
		]);
		expect(items.filter((item) => item.eventId === 'room-a:1')).toHaveLength(1);
	});

	it('flags list entries that are not events instead of dropping them', async () => {
		server.createRoom(REGION, 'room-a');
		const trigger = harness({ roomIds: ['room-a'] });
		await trigger.poll();
		server.inject({
			match: 'sequences',
			data: {
				total: 2,
				list: [
					{ roomUuid: 'room-a', cmd: 3, data: { message: 'no sequence' } },
					{ roomUuid: 'room-a', cmd: 3, sequence: 1, data: { message: 'fine' } },
				],
				nextId: null,
			},
		});
		const items = await trigger.pollItems();
		expect(items.map((item) => item.event)).toEqual(['unrecognized', '3']);
		expect(items[0]).toMatchObject({
			unrecognized: true,
			rawBody: expect.stringContaining('no sequence'),
		});
	});
});

describe('Agora Classroom Trigger: app-wide queue', () => {
	it("takes every classroom's events from the queue, page after page", async () => {
		server.createRoom(REGION, 'room-a');
		server.createRoom(REGION, 'room-b');
		const trigger = harness({ source: 'appQueue' });
		await trigger.poll(); // whatever earlier tests left in the queue
		for (let index = 1; index <= 120; index++)
			chat(index % 2 === 0 ? 'room-a' : 'room-b', `m${index}`);
		const items = await trigger.pollItems();
		expect(messages(items)).toEqual(Array.from({ length: 120 }, (_, index) => `m${index + 1}`));
		expect(await trigger.poll()).toBeNull();
	});

	it('still emits what it took when the queue fails half way', async () => {
		server.createRoom(REGION, 'room-a');
		const trigger = harness({ source: 'appQueue' }, { pollBudgetMs: 1_500 });
		await trigger.poll();
		for (let index = 1; index <= 130; index++) chat('room-a', `m${index}`);
		let served = 0;
		server.inject({
			match: (request) => request.segments.includes('polling') && ++served > 1,
			status: 500,
			times: 50,
		});
		expect(await trigger.pollItems()).toHaveLength(100);
		server.clearFaults();
		expect(await trigger.pollItems()).toHaveLength(30);
	});
});
