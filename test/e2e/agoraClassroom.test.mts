/**
 * The Agora Classroom action node in a real n8n: manual workflows run with `n8n execute` against
 * the fake Agora server, which verifies every token. One workflow per resource chains its
 * operations; each node's output is read from the run data n8n prints, and the fake's state
 * shows what Agora was asked to do.
 */
import { afterAll, describe, expect, it } from 'vitest';

import { FakeAgoraServer } from '../../support/fakes/agoraServer.mjs';
import {
	APP_ID,
	CERTIFICATE,
	agoraCredentialSubstitutions,
} from '../../support/fakes/agoraApp.mjs';
import { executeSuite } from './harness/executeSuite.mjs';

const REGION = 'eu';
const ROOM_ODD = 'maths #101 ?a=b&c=100%';
const ROOM_USERS = 'room-users';
const ROOM_EVENTS = 'room-events';
const ROOM_ATTENDANCE = 'attendance #7 & co';

let agora: FakeAgoraServer;

const n8n = executeSuite({
	name: 'agora-actions',
	credentials: 'agoraTrigger.credentials.json',
	workflows: 'agoraClassroom.workflows.json',
	unfilled: '{{',
	async prepare() {
		agora = await FakeAgoraServer.start({ appId: APP_ID, appCertificate: CERTIFICATE });
		return {
			...agoraCredentialSubstitutions(agora.url),
			ROOM_ODD,
			ROOM_USERS,
			ROOM_EVENTS,
			ROOM_ATTENDANCE,
		};
	},
});

afterAll(async () => {
	await agora?.stop();
});

describe('Agora Classroom node in n8n (n8n execute)', () => {
	it('creates, re-creates, starts, changes and ends a classroom whose ID needs encoding', async () => {
		const out = await n8n.items('agoraActRooms001');
		expect(out.Create).toEqual([
			expect.objectContaining({
				roomUuid: ROOM_ODD,
				created: true,
				alreadyExisted: false,
				roomName: 'Maths 101',
				roomType: 4,
			}),
		]);
		expect(out['Create Again']).toEqual([
			expect.objectContaining({
				roomUuid: ROOM_ODD,
				created: false,
				alreadyExisted: true,
				roomName: 'Maths 101',
			}),
		]);
		expect(out['Start Class']).toEqual([
			{ success: true, roomUuid: ROOM_ODD, state: 'started', stateCode: 1 },
		]);
		expect(out.Get?.[0]).toMatchObject({
			state: 1,
			roomProperties: {
				examId: 'e-17',
				flags: { quiet: true },
				schedule: {
					startTime: Date.parse('2026-11-23T09:00:00Z'),
					duration: 3600,
					closeDelay: 600,
				},
			},
		});
		expect(out.Get?.[0]?.roomProperties).not.toHaveProperty('course');
		expect(out['End Class']).toEqual([
			{ success: true, roomUuid: ROOM_ODD, state: 'ended', stateCode: 2 },
		]);
		const room = agora.room(REGION, ROOM_ODD);
		expect(room?.state).toBe(2);
		expect(
			agora.requests.some((request) => request.rawPath.includes(encodeURIComponent(ROOM_ODD))),
		).toBe(true);
	}, 120_000);

	it("gets, changes and kicks users; a missing user becomes an error item with Agora's code and a hint", async () => {
		agora.createRoom(REGION, ROOM_USERS);
		agora.addUser(REGION, ROOM_USERS, {
			userUuid: 'student 1#',
			userName: 'Ann',
			role: 2,
			userProperties: { nickname: 'annie' },
		});
		agora.addUser(REGION, ROOM_USERS, { userUuid: 'student-2', userName: 'Bob', role: 2 });
		const out = await n8n.items('agoraActUsers001');
		expect(out['Get User']).toEqual([
			expect.objectContaining({
				roomUuid: ROOM_USERS,
				userUuid: 'student 1#',
				userName: 'Ann',
				role: 'student',
				roleId: 2,
			}),
		]);
		expect(out['Get User Again']?.[0]).toMatchObject({ userProperties: { score: 95 } });
		expect(out['Get User Again']?.[0]?.userProperties).not.toHaveProperty('nickname');
		expect(out.Kick).toEqual([
			{
				success: true,
				roomUuid: ROOM_USERS,
				userUuid: 'student-2',
				kicked: true,
				bannedForSeconds: 300,
			},
		]);
		const exit = agora.requests.find((request) => request.segments.at(-1) === 'exit');
		expect(exit?.body).toEqual({ dirty: { state: 1, duration: 300 } });
		const failure = out['Get Kicked User']?.[0];
		expect(failure?.error).toBe('Agora answered HTTP 404, code 20404200: User not exists!');
		expect(String(failure?.description)).toContain('No user with this ID');
	}, 120_000);

	it('records (web page with pause and resume, composite), lists recordings, opens and closes breakout groups', async () => {
		const out = await n8n.items('agoraActRecord01');
		expect(out['Start Web Recording']?.[0]).toMatchObject({
			success: true,
			recording: 'started',
			mode: 'web',
			roomUuid: ROOM_USERS,
		});
		expect(out.Pause).toEqual([{ success: true, roomUuid: ROOM_USERS, recording: 'paused' }]);
		expect(out.Resume).toEqual([{ success: true, roomUuid: ROOM_USERS, recording: 'resumed' }]);
		expect(out.Stop).toEqual([{ success: true, roomUuid: ROOM_USERS, recording: 'stopped' }]);
		expect(out['List Recordings']?.map((recording) => recording.state)).toEqual([0, 0]);
		const starts = agora.requests.filter(
			(request) =>
				request.method === 'PUT' && request.segments.join('/').endsWith('records/states/1'),
		);
		expect(starts.map((request) => request.body)).toEqual([
			{
				mode: 'web',
				webRecordConfig: {
					rootUrl: 'https://classroom.example.com/record',
					videoWidth: 1920,
					videoHeight: 1080,
					maxRecordingHour: 3,
					onhold: false,
				},
			},
			{ recordingConfig: { maxIdleTime: 60, streamTypes: 2 } },
		]);
		expect(out['Open Groups']?.[0]).toMatchObject({ success: true, breakoutGroups: 'open' });
		const open = agora.requests.find((request) =>
			request.segments.join('/').endsWith('groups/states/1'),
		);
		expect(open?.body).toEqual({
			groups: [
				{ groupName: 'Red', users: [{ userUuid: 'student 1#' }, { userUuid: 'student-3' }] },
				{ groupName: 'Blue', users: [{ userUuid: 'student-4' }] },
			],
		});
		expect(out['Close Groups']).toEqual([
			{ success: true, roomUuid: ROOM_USERS, breakoutGroups: 'closed' },
		]);
		expect(agora.room(REGION, ROOM_USERS)?.groupsOpen).toBe(false);
	}, 120_000);

	it('gets many events across pages, filtered, after a sequence, per user, and widget events', async () => {
		agora.createRoom(REGION, ROOM_EVENTS);
		for (let index = 1; index <= 240; index++)
			agora.addEvent(REGION, ROOM_EVENTS, 3, { message: `m${index}` });
		agora.addEvent(REGION, ROOM_EVENTS, 1, { state: 1, startTime: 1_795_340_467_000 });
		agora.addUser(REGION, ROOM_EVENTS, { userUuid: 'u1', userName: 'Ann' });
		agora.addWidgetEvent(REGION, ROOM_EVENTS, 'popupQuiz', {
			action: 1,
			changeProperties: { 'extra.answerState': 1, state: 1, 'extra.popupQuizId': 'q1' },
		});
		const out = await n8n.items('agoraActEvents01');
		expect(out['All Events']).toHaveLength(243);
		expect(out['All Events']?.map((item) => item.sequence)).toEqual(
			Array.from({ length: 243 }, (_, index) => index + 1),
		);
		expect(out['Chat After 200']?.map((item) => item.message)).toEqual([
			'm201',
			'm202',
			'm203',
			'm204',
			'm205',
		]);
		expect(out['Users Per User']?.map((item) => item.eventName)).toEqual([
			'Class started',
			'User joined',
		]);
		expect(out['Users Per User']?.[1]).toMatchObject({ userUuid: 'u1', movement: 'joined' });
		expect(out['Quiz Events']).toEqual([
			expect.objectContaining({ platform: 'agora', event: '1110', eventName: 'Quiz started' }),
		]);
	}, 120_000);

	it('gets attendance: leaving and rejoining, kicked, reconnecting, never leaving, many short stays', async () => {
		agora.createRoom(REGION, ROOM_ATTENDANCE);
		const start = Date.parse('2026-11-23T09:00:00Z');
		const at = (minutes: number) => start + minutes * 60_000;
		const iso = (minutes: number) => new Date(at(minutes)).toISOString();
		const move = (list: string, type: number, userUuid: string, time: number, role = '2') =>
			agora.addEvent(REGION, ROOM_ATTENDANCE, 20, {
				total: 1,
				[list]: [{ userUuid, userName: `Name ${userUuid}`, role, type, updateTime: time }],
			});
		move('onlineUsers', 1, 'early', at(-10));
		agora.addEvent(REGION, ROOM_ATTENDANCE, 1, { state: 1, startTime: at(0) });
		move('onlineUsers', 1, 'teacher', at(0), '1');
		move('onlineUsers', 1, 'ann', at(2));
		move('onlineUsers', 1, 'bob', at(5), 'audience');
		move('onlineUsers', 2, 'cy', at(10));
		move('offlineUsers', 2, 'bob', at(15));
		move('offlineUsers', 1, 'ann', at(20));
		move('onlineUsers', 1, 'ann', at(25));
		// 55 stays of ten seconds: the users in/out list runs over two pages.
		for (let stay = 0; stay < 55; stay++) {
			move('onlineUsers', 1, 'flaky', at(30) + stay * 20_000);
			agora.addEvent(REGION, ROOM_ATTENDANCE, 3, { message: `chat ${stay}` });
			move('offlineUsers', 1, 'flaky', at(30) + stay * 20_000 + 10_000);
		}
		move('offlineUsers', 1, 'cy', at(40));
		agora.addEvent(REGION, ROOM_ATTENDANCE, 1, { state: 2, endTime: at(60) });
		move('offlineUsers', 1, 'early', at(70));
		const out = await n8n.items('agoraActAttend01');
		const classTimes = { classStartedAt: iso(0), classEndedAt: iso(60) };
		expect(out.Attendance).toEqual([
			{
				roomUuid: ROOM_ATTENDANCE,
				userUuid: 'early',
				userName: 'Name early',
				role: 'student',
				firstJoinedAt: iso(-10),
				lastLeftAt: iso(70),
				sessions: 1,
				minutesPresent: 80,
				wasKicked: false,
				stillInClassroom: false,
				...classTimes,
			},
			{
				roomUuid: ROOM_ATTENDANCE,
				userUuid: 'ann',
				userName: 'Name ann',
				role: 'student',
				firstJoinedAt: iso(2),
				lastLeftAt: null,
				sessions: 2,
				minutesPresent: 53,
				wasKicked: false,
				stillInClassroom: true,
				...classTimes,
			},
			{
				roomUuid: ROOM_ATTENDANCE,
				userUuid: 'bob',
				userName: 'Name bob',
				role: 'student',
				firstJoinedAt: iso(5),
				lastLeftAt: iso(15),
				sessions: 1,
				minutesPresent: 10,
				wasKicked: true,
				stillInClassroom: false,
				...classTimes,
			},
			{
				roomUuid: ROOM_ATTENDANCE,
				userUuid: 'cy',
				userName: 'Name cy',
				role: 'student',
				firstJoinedAt: iso(10),
				lastLeftAt: iso(40),
				sessions: 1,
				minutesPresent: 30,
				wasKicked: false,
				stillInClassroom: false,
				...classTimes,
			},
			{
				roomUuid: ROOM_ATTENDANCE,
				userUuid: 'flaky',
				userName: 'Name flaky',
				role: 'student',
				firstJoinedAt: iso(30),
				lastLeftAt: new Date(at(30) + 54 * 20_000 + 10_000).toISOString(),
				sessions: 55,
				minutesPresent: 9.2,
				wasKicked: false,
				stillInClassroom: false,
				...classTimes,
			},
		]);
		expect(
			out['Everyone In Class Time']?.map((item) => [item.userUuid, item.role, item.minutesPresent]),
		).toEqual([
			['early', 'student', 60],
			['teacher', 'teacher', 60],
			['ann', 'student', 53],
			['bob', 'student', 10],
			['cy', 'student', 30],
			['flaky', 'student', 9.2],
		]);
		const reads = agora.requests.filter(
			(request) =>
				request.segments.includes(ROOM_ATTENDANCE) && request.segments.at(-1) === 'sequences',
		);
		expect(reads.map((request) => request.query.get('cmd'))).toEqual([
			'1',
			'20',
			'20',
			'1',
			'20',
			'20',
		]);
	}, 120_000);

	it("fails with Agora's status, code and a hint when the classroom does not exist", async () => {
		// n8n prints the failed execution, with the node's error, on its log (stdout) and exits non-zero.
		const failure = await n8n.failing('agoraActFail0001');
		expect(failure).toContain('Agora answered HTTP 404, code 20404100: Room not exists!');
		expect(failure).toContain('check the room ID and the credential');
		expect(failure).not.toContain(CERTIFICATE);
	}, 120_000);
});
