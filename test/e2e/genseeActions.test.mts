/**
 * The Gensee action node and the genseeApi credential in a real n8n, against the fake Gensee
 * server: manual workflows run with `n8n execute` (each node's output read from the run data n8n
 * prints, the fake's call log showing what Gensee was asked), then n8n's own credential test
 * through its REST API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
	FakeGenseeServer,
	rollCallRecord,
	type JsonObject,
} from '../../support/fakes/genseeServer.mjs';
import { startN8n, type RunningN8n } from '../../support/startN8n.mjs';
import { ownerCredentialTester, type CredentialTester } from './harness/credentialTest.mjs';
import { executeSuite } from './harness/executeSuite.mjs';

const LOGIN = 'teacher@example.com';
const PASSWORD = 'Gensee-e2e-Pa55';
const WRONG_PASSWORD = 'Wrong-e2e-Pa55';
const ROOM_ATTENDANCE = 'attRoom20d';
const WEBCAST_EXPORTS = 'qaCast01';
const DAY = 24 * 60 * 60 * 1000;
/** 2026-11-01 00:00 in China Standard Time. */
const START = Date.parse('2026-11-01T00:00:00+08:00');
const at = (days: number, minutes = 0) => START + days * DAY + minutes * 60_000;
const cst = (days: number, minutes = 0) =>
	new Date(at(days, minutes) + 8 * 3_600_000).toISOString().replace('Z', '+08:00');

let gensee: FakeGenseeServer;

beforeAll(async () => {
	gensee = await FakeGenseeServer.start({ loginName: LOGIN, password: PASSWORD });
});

afterAll(async () => {
	await gensee?.stop();
});

describe('Gensee node in n8n (n8n execute)', () => {
	const n8n = executeSuite({
		name: 'gensee-actions',
		credentials: 'genseeActions.credentials.json',
		workflows: 'genseeActions.workflows.json',
		async prepare() {
			gensee.createRoom('training', ROOM_ATTENDANCE);
			gensee.createRoom('webcast', WEBCAST_EXPORTS);
			return {
				GENSEE_URL: gensee.url,
				GENSEE_LOGIN: LOGIN,
				GENSEE_PASSWORD: PASSWORD,
				GENSEE_WRONG_PASSWORD: WRONG_PASSWORD,
				ROOM_SUBJECT: 'Onboarding week 1',
				WEBCAST_SUBJECT: 'Launch webinar',
				ROOM_ATTENDANCE,
				WEBCAST_EXPORTS,
			};
		},
	});

	it('creates, gets and deletes a training room; a deleted room is an error item in words', async () => {
		const out = await n8n.items('genseeActRooms01');
		const created = out['Create Room']?.[0];
		expect(created).toMatchObject({
			teacherToken: 'teach-e2e-1',
			studentToken: 'learn-e2e-1',
			teacherJoinUrl: expect.stringContaining(String(created?.id)),
		});
		const call = gensee.calls('room/created').at(-1);
		expect(call?.params).toMatchObject({
			subject: 'Onboarding week 1',
			startDate: String(Date.parse('2026-11-23T09:00:00+08:00')),
			invalidDate: String(Date.parse('2026-11-23T11:30:00+08:00')),
			maxAttendees: '50',
			webJoin: 'true',
			loginName: LOGIN,
		});
		expect(call?.authorized).toBe(true);
		expect(out['Get Room']).toEqual([
			expect.objectContaining({
				roomId: created?.id,
				subject: 'Onboarding week 1',
				startDateIso: '2026-11-23T09:00:00.000+08:00',
				invalidDateIso: '2026-11-23T11:30:00.000+08:00',
			}),
		]);
		expect(out['Delete Room']).toEqual([{ success: true, roomId: created?.id, deleted: true }]);
		expect(gensee.room(String(created?.id))).toBeUndefined();
		expect(out['Get Deleted Room']?.[0]?.error).toBe(
			'Gensee answered code 501 (data does not exist) to room/info: data does not exist',
		);
	}, 120_000);

	it('creates and gets a webcast with an MD5 credential, times sent as site-local text', async () => {
		const out = await n8n.items('genseeActCast001');
		const created = out['Create Webcast']?.[0];
		expect(created).toMatchObject({ organizerToken: 'org-e2e-01', attendeeToken: 'att-e2e-01' });
		const call = gensee.calls('created').at(-1);
		expect(call?.siteKind).toBe('webcast');
		expect(call?.params).toMatchObject({
			startTime: '2026-11-24 19:00:00',
			endTime: '2026-11-24 20:30:00',
			sec: 'true',
		});
		expect(call?.authorized).toBe(true);
		expect(out['Get Webcast']?.[0]).toMatchObject({
			webcastId: created?.id,
			subject: 'Launch webinar',
			startTimeIso: '2026-11-24T19:00:00.000+08:00',
		});
		expect(out['Room On Webcast Site']?.[0]?.error).toBe(
			'This operation needs a Training site, but the credential is for a Webcast site',
		);
	}, 120_000);

	it('a 20-day attendance window makes three export calls and gives each visit exactly once', async () => {
		const visits: JsonObject[] = [
			{
				uid: 1000000007,
				nickname: 'Ann',
				joinTime: at(0, 10),
				leaveTime: at(0, 70),
				ip: '10.1.1.1',
				area: 'Beijing',
				device: 1,
			},
			// On the boundary of the first two windows: Gensee returns it to both calls.
			{ uid: 1000000007, nickname: 'Ann', joinTime: at(7), leaveTime: at(7, 20) },
			{ uid: 1000000008, nickname: 'Bob', joinTime: at(7, 1), leaveTime: at(7, 31) },
			{ uid: '42', nickname: 'Guest', joinTime: at(14), leaveTime: at(14, 5) },
			{ uid: 1000000009, nickname: 'Cy', joinTime: at(19, 1439) },
		];
		for (const visit of visits) gensee.addVisit(ROOM_ATTENDANCE, visit);
		gensee.addVisit(ROOM_ATTENDANCE, {
			uid: 1,
			nickname: 'Outside',
			joinTime: at(20, 1),
			leaveTime: at(20, 2),
		});
		const before = gensee.calls('export/history').length;
		const out = await n8n.items('genseeActAttend1');
		const exports = gensee.calls('export/history').slice(before);
		expect(
			exports.map((call) => [call.params.roomId, call.params.startTime, call.params.endTime]),
		).toEqual([
			[ROOM_ATTENDANCE, '2026-11-01 00:00:00', '2026-11-08 00:00:00'],
			[ROOM_ATTENDANCE, '2026-11-08 00:00:00', '2026-11-15 00:00:00'],
			[ROOM_ATTENDANCE, '2026-11-15 00:00:00', '2026-11-21 00:00:00'],
		]);
		expect(exports.every((call) => call.authorized && call.code === '0')).toBe(true);
		// What the fake handed out over the three calls: the boundary visit twice.
		expect(out.Visits?.map((item) => [item.uid, item.joinedAt, item.minutesPresent])).toEqual([
			['1000000007', cst(0, 10), 60],
			['1000000007', cst(7), 20],
			['1000000008', cst(7, 1), 30],
			['42', cst(14), 5],
			['1000000009', cst(19, 1439), 0],
		]);
		expect(out.Visits?.[0]).toMatchObject({
			roomId: ROOM_ATTENDANCE,
			userName: 'Ann',
			ip: '10.1.1.1',
			area: 'Beijing',
			leftAt: cst(0, 70),
		});
	}, 120_000);

	it('gives attendees with site user ids, webcast Q&A and roll calls over the same windows', async () => {
		gensee.addQuestion(WEBCAST_EXPORTS, {
			question: 'Is it recorded?',
			response: 'Yes',
			submitter: 1000000007,
			answerBy: 3,
			name: 'Ann',
			submitTime: at(1, 5),
			published: 'true',
		});
		gensee.addRollCall(
			ROOM_ATTENDANCE,
			rollCallRecord(at(8, 30), at(8, 31), [
				{ id: 1000000007, name: 'Ann', present: true },
				{ id: 1000000008, name: 'Bob', present: false },
			]),
		);
		const before = gensee.calls('export/rollcall').length;
		const out = await n8n.items('genseeActAttend2');
		expect(
			out.Attendees?.map((item) => [
				item.uid,
				item.siteUserId,
				item.sessions,
				item.minutesPresent,
				item.stillInside,
			]),
		).toEqual([
			['1000000007', 7, 2, 80, false],
			['1000000008', 8, 1, 30, false],
			['42', null, 1, 5, false],
			['1000000009', 9, 1, 0, true],
		]);
		expect(out.Attendees?.[0]).toMatchObject({
			userName: 'Ann',
			firstJoinedAt: cst(0, 10),
			lastLeftAt: cst(7, 20),
		});
		expect(out.Questions).toEqual([
			expect.objectContaining({
				roomId: WEBCAST_EXPORTS,
				question: 'Is it recorded?',
				submitter: '1000000007',
				published: true,
				submitTimeIso: cst(1, 5),
			}),
		]);
		expect(gensee.calls('export/qa').at(-1)?.params).toMatchObject({
			webcastId: WEBCAST_EXPORTS,
			sec: 'true',
		});
		expect(out['Roll Calls']).toEqual([
			expect.objectContaining({
				total: 2,
				startTimeIso: cst(8, 30),
				users: [
					{ id: '1000000007', name: 'Ann', present: true },
					{ id: '1000000008', name: 'Bob', present: false },
				],
			}),
		]);
		// Nine days: two calls.
		expect(gensee.calls('export/rollcall').length - before).toBe(2);
	}, 120_000);

	it('fails in words on a wrong password, without showing it', async () => {
		const output = await n8n.failing('genseeActWrong01');
		expect(output).toContain('Gensee answered code 200 (authentication failed) to room/info');
		expect(output).not.toContain(WRONG_PASSWORD);
		expect(gensee.calls('room/info').at(-1)?.authorized).toBe(false);
	}, 120_000);
});

describe('genseeApi credential test in n8n', () => {
	let n8n: RunningN8n;
	let tester: CredentialTester;
	const good = (overrides?: Record<string, string>) => gensee.credentialData(overrides);

	beforeAll(async () => {
		n8n = await startN8n({ credentials: [], workflows: [], substitutions: {}, webhooks: [] });
		tester = await ownerCredentialTester(n8n.baseUrl);
	}, 300_000);

	afterAll(async () => {
		await n8n?.stop();
	});

	it('succeeds on a training and on an MD5 webcast site with one cheap authenticated call', async () => {
		const before = gensee.requests.length;
		expect(await tester.test('genseeApi', good())).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(gensee.requests.length).toBe(before + 1);
		expect(gensee.requests.at(-1)).toMatchObject({
			siteKind: 'training',
			endpoint: 'room/info',
			authorized: true,
			code: '501',
		});
		expect(
			(
				await tester.test(
					'genseeApi',
					good({ siteKind: 'webcast', sec: 'md5', site: `${gensee.url}/` }),
				)
			).status,
		).toBe('OK');
		expect(gensee.requests.at(-1)).toMatchObject({
			siteKind: 'webcast',
			endpoint: 'setting/info',
			authorized: true,
		});
		expect(gensee.requests.at(-1)?.params.sec).toBe('true');
	});

	it('says in words that the login failed, without the password', async () => {
		const result = await tester.test('genseeApi', good({ password: WRONG_PASSWORD }));
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Gensee answered code 200 (authentication failed)');
		expect(result.message).toContain('check the password mode');
		expect(result.message).not.toContain(WRONG_PASSWORD);
	});

	it('says when the API is disabled, and when the address is not Gensee', async () => {
		gensee.disable('room/info');
		const disabled = await tester.test('genseeApi', good());
		expect(disabled.status).toBe('Error');
		expect(disabled.message).toContain('code 600 (this API is disabled)');
		gensee.inject({ endpoint: 'setting/info', body: { hello: 'world' } });
		const notGensee = await tester.test('genseeApi', good({ siteKind: 'webcast' }));
		expect(notGensee.status).toBe('Error');
		expect(notGensee.message).toContain("did not answer like Gensee's integration API");
	});
});
