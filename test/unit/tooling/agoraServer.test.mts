import { beforeEach, describe, expect, it } from 'vitest';

import { buildAppToken } from '../../../nodes/AgoraClassroom/transport/token';
import type { FakeAgoraServer } from '../../../support/fakes/agoraServer.mjs';
import { fakeAgoraServerPerFile } from '../support/fakeAgoraServerPerFile.mjs';
import { APP_ID, CERTIFICATE } from '../../../support/fakes/agoraApp.mjs';

const OTHER_APP = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

let server: FakeAgoraServer;
let clock = Date.UTC(2026, 0, 1);

interface EventJson {
	roomUuid: string;
	cmd: number;
	sequence: number;
	data: {
		state?: number;
		onlineUsers?: unknown[];
		offlineUsers?: Array<{ type?: number }>;
	} & Record<string, unknown>;
}

/** The fields of Agora's `data` these tests read; each answer carries some of them. */
interface Data extends Record<string, unknown> {
	list: EventJson[];
	nextId: string | null;
	total: number;
	roomProperties: unknown;
	groupsOpen: boolean;
}

interface Answer {
	status: number;
	text: string;
	json: { code?: number; msg?: string; ts?: number; data: Data };
}

function token(overrides: Partial<Parameters<typeof buildAppToken>[0]> = {}): string {
	return buildAppToken({
		appId: APP_ID,
		appCertificate: CERTIFICATE,
		issuedAt: Math.floor(clock / 1000),
		...overrides,
	});
}

async function call(
	method: string,
	path: string,
	body?: unknown,
	auth: string | null = `agora token=${token()}`,
	region = 'eu',
	app = APP_ID,
): Promise<Answer> {
	const headers: Record<string, string> = {};
	if (auth !== null) headers.Authorization = auth;
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const response = await fetch(`${server.url}/${region}/edu/apps/${app}/v2/${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	let json = { data: {} as Data };
	try {
		json = JSON.parse(text);
	} catch {
		// left empty for malformed answers
	}
	return { status: response.status, text, json };
}

fakeAgoraServerPerFile((started) => (server = started), { now: () => clock });
beforeEach(() => {
	clock = Date.UTC(2026, 0, 1);
	server.clearFaults();
	for (const id of ['r1', 'r2', 'a b#?&%'])
		for (const region of ['eu', 'na']) server.destroyRoom(region, id);
});

describe('fake Agora: authentication', () => {
	it("accepts a token minted by the package and refuses everything else with 401 in Agora's format", async () => {
		server.createRoom('eu', 'r1');
		expect((await call('GET', 'rooms/r1')).status).toBe(200);
		expect((await call('GET', 'rooms/r1', undefined, null)).status).toBe(401);
		expect(
			(
				await call(
					'GET',
					'rooms/r1',
					undefined,
					`agora token=${token({ appCertificate: '11111111111111111111111111111111' })}`,
				)
			).status,
		).toBe(401);
		expect(
			(await call('GET', 'rooms/r1', undefined, `agora token=${token({ appId: OTHER_APP })}`))
				.status,
		).toBe(401);
		expect((await call('GET', 'rooms/r1', undefined, 'agora token=007garbage')).status).toBe(401);
		expect((await call('GET', 'rooms/r1', undefined, `Bearer ${token()}`)).status).toBe(401);
		const wrongApp = await call('GET', 'rooms/r1', undefined, undefined, 'eu', OTHER_APP);
		expect(wrongApp.status).toBe(401);
		expect(wrongApp.json).toMatchObject({ code: 401, msg: 'Invalid App ID', ts: clock });
	});

	it('refuses an expired token', async () => {
		server.createRoom('eu', 'r1');
		const shortLived = `agora token=${token({ lifetimeSeconds: 60 })}`;
		expect((await call('GET', 'rooms/r1', undefined, shortLived)).status).toBe(200);
		clock += 61_000;
		expect((await call('GET', 'rooms/r1', undefined, shortLived)).json.msg).toBe('Token expired');
	});

	it('records requests with decoded segments and whether they were authorized', async () => {
		const before = server.requestCount();
		await call('GET', `rooms/${encodeURIComponent('a b#?&%')}`);
		await call('GET', 'rooms/r1', undefined, null);
		expect(server.requestCount() - before).toBe(2);
		const [first, second] = server.requests.slice(-2);
		expect(first.segments.at(-1)).toBe('a b#?&%');
		expect(first.authorized).toBe(true);
		expect(first.status).toBe(404);
		expect(second.authorized).toBe(false);
		expect(server.requestCount('rooms/a b#?&%')).toBeGreaterThanOrEqual(1);
	});
});

describe('fake Agora: classroom state', () => {
	it('creates rooms once per region and answers 404 20404100 elsewhere', async () => {
		expect((await call('POST', 'rooms/r1', { roomName: 'Maths', roomType: 4 })).json).toMatchObject(
			{ code: 0, data: { roomUuid: 'r1', roomName: 'Maths', roomType: 4 } },
		);
		expect((await call('POST', 'rooms/r1', { roomName: 'Maths', roomType: 4 })).status).toBe(409);
		expect((await call('POST', 'rooms/r2', { roomName: 'x', roomType: 3 })).status).toBe(400);
		expect((await call('GET', 'rooms/r1', undefined, undefined, 'na')).json).toMatchObject({
			code: 20404100,
			msg: 'Room not exists!',
		});
	});

	it("moves the class through its states with Agora's conflict codes, logging cmd 1 events with times", async () => {
		server.createRoom('eu', 'r1');
		expect((await call('PUT', 'rooms/r1/states/1')).status).toBe(200);
		expect((await call('PUT', 'rooms/r1/states/1')).json.code).toBe(30409100);
		clock += 1000;
		expect((await call('PUT', 'rooms/r1/states/2')).status).toBe(200);
		expect((await call('PUT', 'rooms/r1/states/1')).json.code).toBe(30409101);
		expect((await call('PUT', 'rooms/r1/states/3')).status).toBe(200);
		const closed = await call('PUT', 'rooms/r1/states/1');
		expect([closed.status, closed.json.code]).toEqual([410, 30410100]);
		const events = (await call('GET', 'rooms/r1/sequences?cmd=1')).json.data.list;
		expect(events.map((event) => event.data)).toEqual([
			{ state: 1, startTime: Date.UTC(2026, 0, 1) },
			{ state: 2, endTime: Date.UTC(2026, 0, 1) + 1000 },
			{ state: 3, closeTime: Date.UTC(2026, 0, 1) + 1000 },
		]);
	});

	it('keeps properties, users, kicks and recordings', async () => {
		server.createRoom('eu', 'r1');
		await call('PUT', 'rooms/r1/properties', { properties: { a: 1, b: 2 } });
		await call('DELETE', 'rooms/r1/properties', { properties: ['a'] });
		expect((await call('GET', 'rooms/r1')).json.data.roomProperties).toEqual({ b: 2 });
		server.addUser('eu', 'r1', { userUuid: 'u1', role: 2 });
		await call('PUT', 'rooms/r1/users/u1/properties', { properties: { score: 5 } });
		expect((await call('GET', 'rooms/r1/users/u1')).json.data).toMatchObject({
			userUuid: 'u1',
			userProperties: { score: 5 },
		});
		expect(
			(await call('POST', 'rooms/r1/users/u1/exit', { dirty: { state: 1, duration: 600 } })).status,
		).toBe(200);
		expect((await call('GET', 'rooms/r1/users/u1')).json.code).toBe(20404200);
		const movements = (await call('GET', 'rooms/r1/sequences?cmd=20')).json.data.list;
		expect(
			movements.map((event) => [
				event.data.onlineUsers?.length,
				event.data.offlineUsers?.[0]?.type,
			]),
		).toEqual([
			[1, undefined],
			[0, 2],
		]);

		expect((await call('PUT', 'rooms/r1/records/states/0')).json.code).toBe(30409410);
		expect(
			(await call('PUT', 'rooms/r1/records/states/1', { webRecordConfig: { onhold: true } })).json
				.data,
		).toMatchObject({ state: 1, onhold: true });
		expect((await call('PUT', 'rooms/r1/records/states/1')).json.code).toBe(30409411);
		expect(
			(await call('PATCH', 'rooms/r1/records/states/1', { webRecordConfig: { onhold: false } }))
				.status,
		).toBe(200);
		expect((await call('PUT', 'rooms/r1/records/states/0')).status).toBe(200);
		const records = (await call('GET', 'rooms/r1/records')).json.data;
		expect(records.list).toHaveLength(1);
		expect(records.list[0]).toMatchObject({ state: 0, onhold: false });
		expect(
			(await call('GET', 'rooms/r1/sequences?cmd=1001')).json.data.list.map(
				(event) => event.data.state,
			),
		).toEqual([1, 1, 0]);
		expect(
			(
				await call('PUT', 'rooms/r1/groups/states/1', {
					groups: [{ groupName: 'g', users: ['u2'] }],
				})
			).status,
		).toBe(200);
		expect((await call('GET', 'rooms/r1')).json.data.groupsOpen).toBe(true);
	});
});

describe('fake Agora: event sync', () => {
	it('pages room events by nextId, at most 100, and honours cmd and count', async () => {
		server.createRoom('eu', 'r1');
		for (let index = 0; index < 250; index++)
			server.addEvent('eu', 'r1', index % 5 === 0 ? 3 : 1101, { index });
		const first = (await call('GET', 'rooms/r1/sequences')).json.data;
		expect([first.list.length, first.list[0].sequence, first.nextId, first.total]).toEqual([
			100,
			1,
			'101',
			250,
		]);
		const third = (await call('GET', 'rooms/r1/sequences?nextId=201')).json.data;
		expect([third.list.length, third.list.at(-1)?.sequence, third.nextId]).toEqual([50, 250, null]);
		expect((await call('GET', 'rooms/r1/sequences?nextId=251')).json.data).toMatchObject({
			list: [],
			nextId: null,
		});
		const chats = (await call('GET', 'rooms/r1/sequences?cmd=3')).json.data;
		expect(chats.list).toHaveLength(50);
		expect((await call('GET', 'rooms/r1/sequences?count=500')).json.data.list).toHaveLength(100);
	});

	it('keeps per-widget sequences alongside the room sequence', async () => {
		server.createRoom('eu', 'r1');
		server.addEvent('eu', 'r1', 3, {});
		server.addWidgetEvent('eu', 'r1', 'popupQuiz', {
			action: 1,
			changeProperties: { 'extra.answerState': 1 },
		});
		server.addWidgetEvent('eu', 'r1', 'poll', {
			action: 1,
			changeProperties: { 'extra.pollState': 1 },
		});
		const quiz = (await call('GET', 'rooms/r1/widgets/popupQuiz/sequences?count=10')).json.data
			.list;
		expect(quiz).toEqual([
			{
				roomUuid: 'r1',
				cmd: 1110,
				sequence: 2,
				version: 1,
				data: { widgetUuid: 'popupQuiz', action: 1, changeProperties: { 'extra.answerState': 1 } },
			},
		]);
		expect((await call('GET', 'rooms/r1/widgets/other/sequences')).json.data.list).toEqual([]);
		expect((await call('GET', 'rooms/r1/sequences?cmd=1110')).json.data.list).toHaveLength(2);
	});

	it('hands out each event of the app-wide queue once', async () => {
		server.createRoom('eu', 'r1');
		server.createRoom('eu', 'r2');
		const poll = async () => {
			const response = await fetch(
				`${server.url}/eu/edu/polling/apps/${APP_ID}/v2/rooms/sequences`,
				{ headers: { Authorization: `agora token=${token()}` } },
			);
			return ((await response.json()) as { data: Data }).data.list;
		};
		while ((await poll()).length > 0); // drain what earlier tests left
		server.addEvent('eu', 'r1', 3, {});
		server.addEvent('eu', 'r2', 3, {});
		expect((await poll()).map((event) => event.roomUuid)).toEqual(['r1', 'r2']);
		expect(await poll()).toEqual([]);
		const unauthorized = await fetch(
			`${server.url}/eu/edu/polling/apps/${APP_ID}/v2/rooms/sequences`,
		);
		expect(unauthorized.status).toBe(401);
	});
});

describe('fake Agora: faults', () => {
	it('injects HTTP errors and 429 for a number of matching requests, then serves again', async () => {
		server.createRoom('eu', 'r1');
		server.inject({ match: 'sequences', status: 503, times: 2 });
		expect((await call('GET', 'rooms/r1')).status).toBe(200);
		expect((await call('GET', 'rooms/r1/sequences')).json).toMatchObject({
			code: 503,
			msg: 'Internal Server Error',
		});
		expect((await call('GET', 'rooms/r1/sequences')).status).toBe(503);
		expect((await call('GET', 'rooms/r1/sequences')).status).toBe(200);
		server.inject({ status: 429 });
		expect((await call('GET', 'rooms/r1')).json).toMatchObject({
			code: 429,
			msg: 'Too Many Requests',
		});
	});

	it('answers slowly, or with malformed JSON', async () => {
		server.createRoom('eu', 'r1');
		server.inject({ delayMs: 300 });
		const started = Date.now();
		expect((await call('GET', 'rooms/r1')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(280);
		server.inject({ malformed: true });
		const malformed = await call('GET', 'rooms/r1');
		expect(malformed.status).toBe(200);
		expect(() => JSON.parse(malformed.text)).toThrow();
	});

	it('destroys a room mid-stream: the next page is 404 20404100', async () => {
		server.createRoom('eu', 'r1');
		for (let index = 0; index < 150; index++) server.addEvent('eu', 'r1', 3, { index });
		server.inject({ match: (request) => request.query.get('nextId') === '101', destroyRoom: 'r1' });
		expect((await call('GET', 'rooms/r1/sequences')).json.data.nextId).toBe('101');
		const gone = await call('GET', 'rooms/r1/sequences?nextId=101');
		expect([gone.status, gone.json.code]).toEqual([404, 20404100]);
		expect(server.room('eu', 'r1')).toBeUndefined();
	});

	it('applies faults only to authenticated requests', async () => {
		server.createRoom('eu', 'r1');
		server.inject({ status: 500 });
		expect((await call('GET', 'rooms/r1', undefined, null)).status).toBe(401);
		expect((await call('GET', 'rooms/r1')).status).toBe(500);
	});
});
