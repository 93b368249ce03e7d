import type { IHttpRequestOptions } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { authParameters } from '../../../nodes/Gensee/transport/auth';
import { readGenseeCredentials, siteOrigin } from '../../../nodes/Gensee/transport/credentials';
import { genseeErrorMessage } from '../../../nodes/Gensee/transport/errors';
import { splitWindow, MAX_EXPORT_WINDOW_MS } from '../../../nodes/Gensee/exports/window';
import { timeParameterToMillis, toGenseeTime } from '../../../nodes/Gensee/exports/times';
import { siteUserId } from '../../../nodes/Gensee/exports/attendance';
import { Gensee } from '../../../nodes/Gensee/Gensee.node';
import { runGensee } from '../../../support/fakes/genseeContext.mjs';
import { FakeGenseeServer, md5Hex, rollCallRecord } from '../../../support/fakes/genseeServer.mjs';

const LOGIN = 'teacher@example.com';
const PASSWORD = 'Pa55word-unit';
const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-11-01T00:00:00+08:00');

let fake: FakeGenseeServer;

beforeAll(async () => {
	fake = await FakeGenseeServer.start({ loginName: LOGIN, password: PASSWORD });
});
afterAll(async () => await fake.stop());

const credentials = (overrides?: Record<string, string>) => fake.credentialData(overrides);

describe('Gensee credential and transport helpers', () => {
	it('reads the site address as an origin', () => {
		expect(siteOrigin('mysite.gensee.com')).toBe('https://mysite.gensee.com');
		expect(siteOrigin(' http://127.0.0.1:8080/ ')).toBe('http://127.0.0.1:8080');
		expect(siteOrigin('https://train.example.cn/integration/site/training')).toBe(
			'https://train.example.cn',
		);
		expect(siteOrigin('mysite.gensee.com/some/page')).toBeUndefined();
		expect(siteOrigin('ftp://mysite.gensee.com')).toBeUndefined();
		expect(() => readGenseeCredentials({ ...credentials(), timeZone: 'Mars/Base' })).toThrow(
			/not a time zone name/,
		);
	});

	it('sends the MD5 of the password with sec=true in MD5 mode, the password itself otherwise', () => {
		expect(authParameters({ loginName: 'a', password: 'pw', md5: false })).toEqual({
			loginName: 'a',
			password: 'pw',
		});
		expect(authParameters({ loginName: 'a', password: 'pw', md5: true })).toEqual({
			loginName: 'a',
			password: md5Hex('pw'),
			sec: 'true',
		});
	});

	it("puts Gensee's code into words", () => {
		expect(genseeErrorMessage({ status: 200, code: '600', endpoint: 'room/info' })).toBe(
			'Gensee answered code 600 (this API is disabled) to room/info',
		);
		expect(genseeErrorMessage({ status: 0, message: 'ECONNREFUSED', endpoint: 'x' })).toBe(
			'No answer from Gensee to x: ECONNREFUSED',
		);
	});
});

describe('time windows', () => {
	it('splits 20 days into three windows of at most 7 days that share their boundaries', () => {
		const windows = splitWindow(START, START + 20 * DAY);
		expect(windows).toHaveLength(3);
		expect(windows.map((window) => window.end - window.start)).toEqual([
			MAX_EXPORT_WINDOW_MS,
			MAX_EXPORT_WINDOW_MS,
			6 * DAY,
		]);
		expect(windows[1].start).toBe(windows[0].end);
		expect(splitWindow(START, START + 7 * DAY)).toHaveLength(1);
		expect(splitWindow(START + 500, START + 1500)).toEqual([{ start: START, end: START + 2000 }]);
	});

	it("reads times without an offset in the site's zone and writes Gensee's format", () => {
		expect(timeParameterToMillis('2026-11-01 00:00', 'Asia/Shanghai')).toBe(START);
		expect(timeParameterToMillis('2026-11-01T00:00:00', 'Asia/Shanghai')).toBe(START);
		expect(timeParameterToMillis('2026-10-31T16:00:00Z', 'Asia/Shanghai')).toBe(START);
		expect(timeParameterToMillis(START, 'Asia/Shanghai')).toBe(START);
		expect(timeParameterToMillis('soon', 'Asia/Shanghai')).toBeUndefined();
		expect(toGenseeTime(START, 'Asia/Shanghai')).toBe('2026-11-01 00:00:00');
		expect(toGenseeTime(START, 'Europe/Moscow')).toBe('2026-10-31 19:00:00');
	});

	it('reads the site user id convention', () => {
		expect(siteUserId('1000000042')).toBe(42);
		expect(siteUserId('42')).toBeNull();
		expect(siteUserId('2000000000')).toBeNull();
		expect(siteUserId(null)).toBeNull();
	});
});

describe('Gensee node against the fake server', () => {
	it('is an action node usable as a tool', () => {
		const { description } = new Gensee();
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials).toEqual([{ name: 'genseeApi', required: true }]);
	});

	it('gets attendance over 20 days with three exports, each visit once, per visit and per attendee', async () => {
		fake.createRoom('training', 'attroom');
		const at = (days: number, minutes = 0) => START + days * DAY + minutes * 60_000;
		fake.addVisit('attroom', {
			uid: 1000000007,
			nickname: 'Ann',
			joinTime: at(1),
			leaveTime: at(1, 30),
			ip: '10.0.0.1',
			area: 'Beijing',
			device: 1,
		});
		// Exactly on the boundary between the first and second window: returned twice, given once.
		fake.addVisit('attroom', {
			uid: 1000000007,
			nickname: 'Ann',
			joinTime: at(7),
			leaveTime: at(7, 15),
		});
		fake.addVisit('attroom', {
			uid: '555',
			nickname: 'Guest',
			joinTime: at(15),
			leaveTime: at(15, 45),
		});
		fake.addVisit('attroom', { uid: 1000000008, nickname: 'Bob', joinTime: at(19, 59) });
		fake.addVisit('attroom', {
			uid: 1000000009,
			nickname: 'Late',
			joinTime: at(21),
			leaveTime: at(21, 5),
		});
		const before = fake.calls('export/history').length;
		const common = {
			resource: 'attendance',
			operation: 'get',
			id: 'attroom',
			from: '2026-11-01 00:00:00',
			to: '2026-11-21 00:00:00',
		};
		const visits = await runGensee(credentials(), [{ ...common, output: 'visits' }]);
		const exports = fake.calls('export/history').slice(before);
		expect(exports.map((call) => [call.params.startTime, call.params.endTime])).toEqual([
			['2026-11-01 00:00:00', '2026-11-08 00:00:00'],
			['2026-11-08 00:00:00', '2026-11-15 00:00:00'],
			['2026-11-15 00:00:00', '2026-11-21 00:00:00'],
		]);
		expect(visits.map((item) => [item.json.uid, item.json.minutesPresent])).toEqual([
			['1000000007', 30],
			['1000000007', 15],
			['555', 45],
			['1000000008', 0],
		]);
		expect(visits[0].json).toMatchObject({
			roomId: 'attroom',
			userName: 'Ann',
			joinedAt: '2026-11-02T00:00:00.000+08:00',
			leftAt: '2026-11-02T00:30:00.000+08:00',
			joinTimeIso: '2026-11-02T00:00:00.000+08:00',
			ip: '10.0.0.1',
			area: 'Beijing',
			device: 1,
		});
		expect(visits[3].json.leftAt).toBeNull();

		const attendees = await runGensee(credentials(), [
			{ ...common, output: 'attendees', attendanceOptions: { siteUserIds: true } },
		]);
		expect(attendees.map((item) => item.json)).toEqual([
			expect.objectContaining({
				uid: '1000000007',
				siteUserId: 7,
				userName: 'Ann',
				firstJoinedAt: '2026-11-02T00:00:00.000+08:00',
				lastLeftAt: '2026-11-08T00:15:00.000+08:00',
				sessions: 2,
				minutesPresent: 45,
				stillInside: false,
			}),
			expect.objectContaining({ uid: '555', siteUserId: null, sessions: 1, minutesPresent: 45 }),
			expect.objectContaining({
				uid: '1000000008',
				siteUserId: 8,
				lastLeftAt: null,
				stillInside: true,
				minutesPresent: 0,
			}),
		]);
		expect(attendees[0].json.visits).toHaveLength(2);
	});

	it('keeps an answer of an unexpected shape whole instead of dropping it', async () => {
		fake.createRoom('training', 'oddroom');
		fake.inject({ endpoint: 'export/history', body: { code: '0', records: [{ uid: 1 }] } });
		const items = await runGensee(credentials(), [
			{
				resource: 'attendance',
				operation: 'get',
				id: 'oddroom',
				from: '2026-11-01 00:00',
				to: '2026-11-02 00:00',
				output: 'visits',
			},
		]);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			roomId: 'oddroom',
			raw: { code: '0', records: [{ uid: 1 }] },
		});
		expect(String(items[0].json.warning)).toContain('had none of the keys list');
	});

	it('reads Q&A from qaList (webcast) and roll calls with present as a boolean', async () => {
		fake.createRoom('webcast', 'qacast');
		fake.addQuestion('qacast', {
			question: 'Q2',
			response: 'A2',
			submitter: 1000000002,
			answerBy: 9,
			submitTime: START + 2000,
			published: 'true',
		});
		fake.addQuestion('qacast', { question: 'Q1', submitter: 1000000001, submitTime: START + 1000 });
		fake.addRollCall(
			'qacast',
			rollCallRecord(START + 60_000, START + 120_000, [
				{ id: 1000000001, name: 'Ann', present: true },
				{ id: 1000000002, name: 'Bob', present: false },
			]),
		);
		const window = { id: 'qacast', from: '2026-11-01 00:00', to: '2026-11-01 12:00' };
		const webcast = credentials({ siteKind: 'webcast', sec: 'md5' });
		const qa = await runGensee(webcast, [{ resource: 'qa', operation: 'get', ...window }]);
		expect(qa.map((item) => item.json.question)).toEqual(['Q1', 'Q2']);
		expect(qa[1].json).toMatchObject({
			submitter: '1000000002',
			answerBy: '9',
			published: true,
			submitTimeIso: '2026-11-01T00:00:02.000+08:00',
		});
		const rollCalls = await runGensee(webcast, [
			{ resource: 'rollCall', operation: 'get', ...window },
		]);
		expect(rollCalls).toHaveLength(1);
		expect(rollCalls[0].json).toMatchObject({
			total: 2,
			startTimeIso: '2026-11-01T00:01:00.000+08:00',
			users: [
				{ id: '1000000001', name: 'Ann', present: true },
				{ id: '1000000002', name: 'Bob', present: false },
			],
		});
		expect(fake.calls('export/qa').at(-1)?.params).toMatchObject({
			sec: 'true',
			webcastId: 'qacast',
		});
	});

	it('creates, gets and deletes a room; a missing room is an error item with words for the code', async () => {
		const calls: IHttpRequestOptions[] = [];
		const [created] = await runGensee(
			credentials(),
			[
				{
					resource: 'room',
					operation: 'create',
					subject: 'Unit week',
					startDate: '2026-11-23 09:00',
					invalidDate: '2026-11-23 11:00',
					additionalFields: { teacherToken: 'teach-01', studentToken: 'learn-01', webJoin: true },
				},
			],
			{ calls },
		);
		const roomId = String(created.json.id);
		expect(fake.room(roomId)?.fields).toMatchObject({
			subject: 'Unit week',
			startDate: Date.parse('2026-11-23T09:00:00+08:00'),
			invalidDate: Date.parse('2026-11-23T11:00:00+08:00'),
		});
		expect(calls[0].body).toMatchObject({ webJoin: 'true', teacherToken: 'teach-01' });
		// resource and operation are read once per run, as n8n's own nodes do.
		const run = async (operation: string) =>
			(
				await runGensee(credentials(), [{ resource: 'room', operation, roomId }], {
					continueOnFail: true,
				})
			)[0];
		const out = [await run('get'), await run('delete'), await run('get')];
		expect(out[0].json).toMatchObject({
			roomId,
			subject: 'Unit week',
			startDateIso: '2026-11-23T09:00:00.000+08:00',
		});
		expect(out[1].json).toEqual({ success: true, roomId, deleted: true });
		expect(out[2].json.error).toBe(
			'Gensee answered code 501 (data does not exist) to room/info: data does not exist',
		);
		expect(String(out[2].json.description)).toContain('no such room or webcast');
	});

	it('refuses tokens Gensee would refuse, and room operations on a webcast credential, before calling', async () => {
		const before = fake.requests.length;
		const out = await runGensee(
			credentials(),
			[
				{
					resource: 'room',
					operation: 'create',
					subject: 'x',
					startDate: '2026-11-23 09:00',
					invalidDate: '2026-11-23 10:00',
					additionalFields: { teacherToken: 'same-123', studentToken: 'same-123' },
				},
				{
					resource: 'room',
					operation: 'create',
					subject: 'x',
					startDate: '2026-11-23 09:00',
					invalidDate: '2026-11-23 10:00',
					additionalFields: { teacherToken: 'short' },
				},
			],
			{ continueOnFail: true },
		);
		expect(out.map((item) => item.json.error)).toEqual([
			'Student Token is the same as Teacher Token',
			'Teacher Token must be 6 to 15 characters long',
		]);
		const [wrongSite] = await runGensee(
			credentials({ siteKind: 'webcast' }),
			[{ resource: 'room', operation: 'get', roomId: 'r' }],
			{ continueOnFail: true },
		);
		expect(wrongSite.json.error).toBe(
			'This operation needs a Training site, but the credential is for a Webcast site',
		);
		expect(fake.requests.length).toBe(before);
	});

	it('fails with words for a wrong password and never shows the password', async () => {
		const wrong = 'not-the-password';
		const promise = runGensee(credentials({ password: wrong }), [
			{ resource: 'room', operation: 'get', roomId: 'any' },
		]);
		await expect(promise).rejects.toThrow(
			'Gensee answered code 200 (authentication failed) to room/info',
		);
		const error: unknown = await promise.catch((caught: unknown) => caught);
		expect(JSON.stringify(error)).not.toContain(wrong);
		expect(String((error as { description?: unknown }).description)).toContain(
			'login name and password',
		);
	});
});
