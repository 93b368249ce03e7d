import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
	FakeGenseeServer,
	formatChinaTime,
	md5Hex,
	parseChinaTime,
} from '../../../support/fakes/genseeServer.mjs';

const LOGIN = 'admin@example.com';
const PASSWORD = 'S3cret-pass';
const DAY = 24 * 60 * 60 * 1000;

let fake: FakeGenseeServer;

beforeAll(async () => {
	fake = await FakeGenseeServer.start({ loginName: LOGIN, password: PASSWORD });
});
afterAll(async () => await fake.stop());

async function post(
	path: string,
	params: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> | string }> {
	const response = await fetch(`${fake.url}/integration/site/${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(params).toString(),
	});
	const text = await response.text();
	try {
		return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
	} catch {
		return { status: response.status, body: text };
	}
}

const login = { loginName: LOGIN, password: PASSWORD };
const window = (start: number, end: number) => ({
	startTime: formatChinaTime(start),
	endTime: formatChinaTime(end),
});

describe('fake Gensee server', () => {
	it('reads and writes China Standard Time', () => {
		expect(parseChinaTime('2026-11-23 09:00:00')).toBe(Date.parse('2026-11-23T01:00:00Z'));
		expect(formatChinaTime(Date.parse('2026-11-23T01:00:00Z'))).toBe('2026-11-23 09:00:00');
		expect(parseChinaTime('2026-11-23T09:00:00')).toBeUndefined();
	});

	it('answers code "200" to a wrong login, and takes the MD5 of the password with sec=true in either case', async () => {
		fake.createRoom('training', 'authroom');
		expect(
			(await post('training/room/info', { ...login, password: 'nope', roomId: 'authroom' })).body,
		).toMatchObject({ code: '200' });
		expect(
			(await post('training/room/info', { ...login, loginName: 'x', roomId: 'authroom' })).body,
		).toMatchObject({ code: '200' });
		for (const password of [md5Hex(PASSWORD), md5Hex(PASSWORD).toUpperCase()]) {
			expect(
				(
					await post('training/room/info', {
						loginName: LOGIN,
						password,
						sec: 'true',
						roomId: 'authroom',
					})
				).body,
			).toMatchObject({ code: '0', id: 'authroom' });
		}
		// The MD5 sent without sec=true is a wrong plain password.
		expect(
			(
				await post('training/room/info', {
					loginName: LOGIN,
					password: md5Hex(PASSWORD),
					roomId: 'authroom',
				})
			).body,
		).toMatchObject({ code: '200' });
		expect(fake.calls('room/info').at(-1)?.params).not.toHaveProperty('password');
	});

	it('takes GET with a query string too', async () => {
		fake.createRoom('webcast', 'getcast');
		const query = new URLSearchParams({ ...login, webcastId: 'getcast' });
		const response = await fetch(`${fake.url}/integration/site/webcast/setting/info?${query}`);
		expect(await response.json()).toMatchObject({ code: '0', id: 'getcast' });
	});

	it('creates rooms with unique subjects and checked tokens, deletes them, and says "501" for a missing one', async () => {
		const created = await post('training/room/created', {
			...login,
			subject: 'Week 1',
			startDate: '1795395600000',
			invalidDate: '1795402800000',
			teacherToken: 'teach123',
			studentToken: 'learn123',
		});
		expect(created.body).toMatchObject({ code: '0', teacherToken: 'teach123' });
		const id = (created.body as { id: string }).id;
		expect(
			(
				await post('training/room/created', {
					...login,
					subject: 'Week 1',
					startDate: '1795395600000',
					invalidDate: '1795402800000',
				})
			).body,
		).toMatchObject({ code: '502' });
		expect(
			(
				await post('training/room/created', {
					...login,
					subject: 'Week 2',
					startDate: '1795395600000',
					invalidDate: '1795402800000',
					teacherToken: 'same123',
					studentToken: 'same123',
				})
			).body,
		).toMatchObject({ code: '101' });
		expect(
			(
				await post('training/room/created', {
					...login,
					subject: 'Week 3',
					startDate: 'tomorrow',
					invalidDate: '1795402800000',
				})
			).body,
		).toMatchObject({ code: '102' });
		expect((await post('training/room/deleted', { ...login, roomId: id })).body).toEqual({
			code: '0',
			message: 'success',
		});
		expect((await post('training/room/info', { ...login, roomId: id })).body).toMatchObject({
			code: '501',
		});
		// A training room is not a webcast.
		fake.createRoom('training', 'tonly');
		expect(
			(await post('webcast/setting/info', { ...login, webcastId: 'tonly' })).body,
		).toMatchObject({
			code: '501',
		});
	});

	it('exports visits by join time over at most 7 days (both ends inclusive) and refuses a longer window', async () => {
		const start = Date.parse('2026-11-01T00:00:00Z');
		fake.createRoom('training', 'exroom');
		fake.addVisit('exroom', { uid: 1, nickname: 'a', joinTime: start, leaveTime: start + 60_000 });
		fake.addVisit('exroom', {
			uid: 2,
			nickname: 'b',
			joinTime: start + 7 * DAY,
			leaveTime: start + 7 * DAY + 1,
		});
		fake.addVisit('exroom', {
			uid: 3,
			nickname: 'c',
			joinTime: start + 7 * DAY + 1000,
			leaveTime: start + 8 * DAY,
		});
		const seven = await post('training/export/history', {
			...login,
			roomId: 'exroom',
			...window(start, start + 7 * DAY),
		});
		expect((seven.body as { list: Array<{ uid: number }> }).list.map((visit) => visit.uid)).toEqual(
			[1, 2],
		);
		const longer = await post('training/export/history', {
			...login,
			roomId: 'exroom',
			...window(start, start + 7 * DAY + 1000),
		});
		expect(longer.body).toMatchObject({ code: '101' });
		expect(
			(
				await post('training/export/history', {
					...login,
					roomId: 'exroom',
					startTime: '2026-11-01',
					endTime: '2026-11-02',
				})
			).body,
		).toMatchObject({ code: '102' });
		expect(
			(
				await post('training/export/history', {
					...login,
					roomId: 'nope',
					...window(start, start + DAY),
				})
			).body,
		).toMatchObject({ code: '501' });
	});

	it('answers Q&A under qaList on webcasts and list on training, roll calls under rollcall', async () => {
		const start = Date.parse('2026-11-01T00:00:00Z');
		fake.createRoom('webcast', 'qacast');
		fake.createRoom('training', 'qaroom');
		fake.addQuestion('qacast', { question: 'Why?', submitTime: start + 1 });
		fake.addQuestion('qaroom', { question: 'How?', submitTime: start + 1 });
		fake.addRollCall('qaroom', { startTime: start + 5, total: 2, users: [] });
		expect(
			(
				await post('webcast/export/qa', {
					...login,
					webcastId: 'qacast',
					...window(start, start + DAY),
				})
			).body,
		).toMatchObject({ code: '0', qaList: [{ question: 'Why?' }] });
		expect(
			(
				await post('training/export/qa', {
					...login,
					roomId: 'qaroom',
					...window(start, start + DAY),
				})
			).body,
		).toMatchObject({ code: '0', list: [{ question: 'How?' }] });
		expect(
			(
				await post('training/export/rollcall', {
					...login,
					roomId: 'qaroom',
					...window(start, start + DAY),
				})
			).body,
		).toMatchObject({ code: '0', rollcall: [{ total: 2 }] });
	});

	it('answers "600" for a disabled API, plays injected faults, 404s unknown paths and counts calls per endpoint', async () => {
		fake.createRoom('training', 'fault');
		fake.disable('room/info');
		expect((await post('training/room/info', { ...login, roomId: 'fault' })).body).toMatchObject({
			code: '600',
		});
		fake.inject({ endpoint: 'room/deleted', body: { code: '0', surprise: true } });
		expect((await post('training/room/deleted', { ...login, roomId: 'fault' })).body).toEqual({
			code: '0',
			surprise: true,
		});
		fake.inject({ endpoint: 'room/deleted', status: 502 });
		expect((await post('training/room/deleted', { ...login, roomId: 'fault' })).status).toBe(502);
		expect((await post('nowhere', login)).status).toBe(404);
		const counts = fake.callCounts();
		expect(counts['room/deleted']).toBe(fake.calls('room/deleted').length);
		expect(counts['room/info']).toBeGreaterThanOrEqual(5);
	});
});
