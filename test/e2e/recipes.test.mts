/**
 * The recipes in examples/, imported into a real n8n and activated, set up as their sticky notes
 * say: Settings pointed at a local sink standing in for the CRM, HR system, sheet and chat bots,
 * the data tables created, credentials chosen. Each is then driven by the platform's sample
 * events (Qingsuyun, Teachbase, Gensee) or the fake Agora server, and the test checks what the
 * sink received and what the data tables hold. Every recipe runs on n8n 2.41.1 and 1.123.81
 * (there the data tables are picked by ID, as 1.x's Data table node has no by-name lookup).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { deliver, getQuery, postRaw } from '../../support/deliver.mjs';
import type { Row } from '../../support/dataTables.mjs';
import type { FakeAgoraServer } from '../../support/fakes/agoraServer.mjs';
import { pollUntil, sleep } from '../../support/process.mjs';
import { n8nVersion } from '../../support/n8n.mjs';
import {
	GENSEE_QA_XML,
	GENSEE_WEB_QUESTION,
	genseeActionSample,
} from '../../support/samples/gensee.mjs';
import { qingsuyunSample } from '../../support/samples/qingsuyun.mjs';
import { teachbaseSample } from '../../support/samples/teachbase.mjs';
import type { RunningN8n } from '../../support/startN8n.mjs';
import { FakeTeachbaseServer, type FakeSession } from '../../support/fakes/teachbaseServer.mjs';
import { OWNER, RestSession } from '../../support/n8nRest.mjs';
import { isRecord } from '../../nodes/shared/guards';
import {
	API_TOKEN,
	BOOKING_KEY,
	QINGSUYUN_SECRET,
	recipeSuite,
	type RecipeSuite,
} from './harness/recipeSuite.mjs';
import { expectedGenseeMinutes } from './harness/genseeMinutes.mjs';
import {
	RECIPE_CREDENTIALS,
	RECIPE_CREDENTIALS_BY_TYPE,
	importRecipes,
	type RecipeSetup,
} from '../../support/recipes.mjs';
import type { Sink } from './harness/sink.mjs';

const VERSION = n8nVersion();
const PICK_TABLES_BY_ID = VERSION.startsWith('1.');
const REGION = 'eu';
/** The Agora trigger polls once a minute at a random second. */
const POLL_WAIT_MS = 150_000;
/** How long a webhook recipe may take to post to the sink. */
const RECORD_WAIT_MS = 60_000;

const WORKFLOWS = {
	exam: 'recipeExamFlow01',
	course: 'recipeCourseHr01',
	webinarSheet: 'recipeWebinarSh1',
	webinarChat: 'recipeWebinarCh1',
	attendance: 'recipeAttendCrm1',
	booking: 'recipeBookingAg1',
	authoritative: 'recipeGsAuthAtt1',
};

const HOOKS = {
	qingsuyun: 'recipe-qsy/qingsuyun',
	teachbase: 'recipe-tb/teachbase',
	genseeSheet: 'recipe-gs-sheet/gensee',
	genseeChat: 'recipe-gs-chat/gensee',
	genseeAuthoritative: 'recipe-gs-auth/gensee',
};

function recipes(sinkUrl: string, tableIds: Record<string, string>): RecipeSetup[] {
	const common = {
		credentials: RECIPE_CREDENTIALS_BY_TYPE,
		tables: tableIds,
		pickTablesById: PICK_TABLES_BY_ID,
	};
	return [
		{
			...common,
			file: '01-qingsuyun-exam-to-crm-and-chat.json',
			id: WORKFLOWS.exam,
			settings: {
				crmUpsertUrl: `${sinkUrl}/crm/upsert`,
				chatBotType: 'dingtalk',
				chatWebhookUrl: `${sinkUrl}/dingtalk/robot/send?access_token=t1`,
			},
			webhookIds: { 'Qingsuyun Trigger': 'recipe-qsy' },
		},
		{
			...common,
			file: '02-teachbase-course-completed-to-hr.json',
			id: WORKFLOWS.course,
			settings: { hrUrl: `${sinkUrl}/hr/training-records` },
			webhookIds: { 'Teachbase Trigger': 'recipe-tb' },
		},
		{
			...common,
			file: '03-gensee-webinar-attendance-sheet.json',
			id: WORKFLOWS.webinarSheet,
			settings: {
				summaryTo: 'sheet',
				sheetWebhookUrl: `${sinkUrl}/sheet/attendance`,
				chatBotType: 'wecom',
				chatWebhookUrl: `${sinkUrl}/wecom/summary`,
				moderatorChatUrl: `${sinkUrl}/wecom/moderator`,
			},
			webhookIds: { 'Gensee Trigger': 'recipe-gs-sheet' },
		},
		{
			...common,
			file: '03-gensee-webinar-attendance-sheet.json',
			id: WORKFLOWS.webinarChat,
			settings: {
				summaryTo: 'chat',
				sheetWebhookUrl: `${sinkUrl}/unused-sheet`,
				chatBotType: 'feishu',
				chatWebhookUrl: `${sinkUrl}/feishu/summary`,
				moderatorChatUrl: `${sinkUrl}/feishu/moderator`,
				messagePrefix: '[直播] ',
			},
			webhookIds: { 'Gensee Trigger': 'recipe-gs-chat' },
		},
		{
			...common,
			file: '04-agora-class-ended-attendance-to-crm.json',
			id: WORKFLOWS.attendance,
			settings: { crmAttendanceUrl: `${sinkUrl}/crm/attendance` },
		},
		{
			...common,
			credentials: { ...RECIPE_CREDENTIALS_BY_TYPE, httpHeaderAuth: RECIPE_CREDENTIALS.bookingKey },
			file: '05-agora-booking-to-classroom.json',
			id: WORKFLOWS.booking,
			settings: { classroomType: 2 },
			webhookIds: { 'Booking from CRM': 'recipe-booking' },
		},
		{
			...common,
			file: '07-gensee-webinar-ended-authoritative-attendance.json',
			id: WORKFLOWS.authoritative,
			settings: { sheetWebhookUrl: `${sinkUrl}/sheet/authoritative`, lookbackHours: 6 },
			webhookIds: { 'Gensee Trigger': 'recipe-gs-auth' },
		},
	];
}

let suite: RecipeSuite;
let n8n: RunningN8n;
let sink: Sink;
let agora: FakeAgoraServer;

recipeSuite(
	{
		tables: {
			exam_to_mark: {
				answerSheetId: 'string',
				paperName: 'string',
				examineeCode: 'string',
				examineeName: 'string',
				autoScore: 'number',
				submittedAt: 'string',
			},
			teachbase_events: {
				event: 'string',
				eventName: 'string',
				status: 'string',
				occurredAt: 'string',
				receivedAt: 'string',
				userId: 'number',
				courseId: 'number',
				courseSessionId: 'number',
				progress: 'number',
			},
			gensee_attendance: {
				classNo: 'string',
				userId: 'string',
				at: 'string',
				action: 'number',
				atMs: 'number',
			},
		},
		recipes: ({ sinkUrl, tableIds }) => recipes(sinkUrl, tableIds),
		webhooks: [...Object.values(HOOKS), 'crm-booking'],
	},
	(started) => {
		suite = started;
		({ n8n, sink, agora } = started);
	},
);

/** Waits until `count` executions of the workflow have finished. */
async function waitForExecutions(
	workflowId: string,
	count: number,
	timeoutMs = 60_000,
): Promise<void> {
	let recorded = 0;
	await pollUntil(
		async () => {
			const records = await n8n.executionRecords(workflowId);
			recorded = records.length;
			return (
				records.filter((record) => record.status !== 'running' && record.status !== 'new').length >=
				count
			);
		},
		{
			timeout: timeoutMs,
			describe: () => `${count} finished execution(s) of ${workflowId} (${recorded} recorded)`,
			logSource: n8n,
		},
	);
}

/** Every execution of the workflow so far succeeded (a failed one would hide behind a missing request). */
async function expectNoFailures(workflowId: string): Promise<void> {
	const records = await n8n.executionRecords(workflowId);
	const failed = records.filter(
		(record) => record.status !== 'success' && record.status !== 'waiting',
	);
	expect(
		failed.map((record) => `${record.id} ${record.status}: ${record.data.slice(0, 1500)}`),
	).toEqual([]);
}

async function rows(table: string): Promise<Row[]> {
	const id = suite.tableIds[table];
	if (id === undefined) throw new Error(`no table ${table}`);
	return await suite.tables.rows(id);
}

describe(`recipes in n8n ${VERSION}`, () => {
	it('01 Qingsuyun: a passed exam is upserted into the CRM, a failed one gets a DingTalk retake notice, one waiting for marking lands in the to-mark list', async () => {
		const url = n8n.webhookUrl('recipe-qsy', 'qingsuyun');
		const sheet = (name: string, code: string, realScore: number, judged: number | null) => {
			const sample = qingsuyunSample('answerSheet', QINGSUYUN_SECRET);
			sample.eventBody = {
				...sample.eventBody,
				id: `sheet-${code}`,
				examineeName: name,
				examineeCode: code,
				realScore,
				judged,
			};
			return postRaw(JSON.stringify(sample), 'application/json');
		};
		for (const delivery of [
			sheet('张三', 'zhangsan', 86, 1),
			sheet('李四', 'lisi', 45, 1),
			sheet('王五', 'wangwu', 30, 0),
		]) {
			const reply = await deliver(url, delivery);
			expect(reply.text).toBe('success');
		}
		await waitForExecutions(WORKFLOWS.exam, 3);
		const [upsert] = sink.recordsUnder('/crm/upsert');
		const [notice] = sink.recordsUnder('/dingtalk/');
		expect(sink.recordsUnder('/crm/upsert')).toHaveLength(1);
		expect(upsert?.headers.authorization).toBe(`Bearer ${API_TOKEN}`);
		expect(upsert?.body).toMatchObject({
			externalId: 'zhangsan',
			name: '张三',
			exam: '新员工入职考试',
			score: 86,
			passScore: 60,
			scorePercent: 86,
			passed: true,
			answerSheetId: 'sheet-zhangsan',
		});
		expect(sink.recordsUnder('/dingtalk/')).toHaveLength(1);
		expect(notice?.path).toBe('/dingtalk/robot/send?access_token=t1');
		expect(notice?.body).toEqual({
			msgtype: 'text',
			text: {
				content: expect.stringMatching(
					/^【培训通知】补考通知：李四（lisi）在「新员工入职考试」中得分 45\/100（45%），及格线 60/,
				),
			},
		});
		const toMark = await rows('exam_to_mark');
		expect(toMark).toEqual([
			expect.objectContaining({
				answerSheetId: 'sheet-wangwu',
				examineeCode: 'wangwu',
				examineeName: '王五',
				autoScore: 30,
				paperName: '新员工入职考试',
			}),
		]);
		await expectNoFailures(WORKFLOWS.exam);
	});

	it('02 Teachbase: every webhook is logged in the data table, only a completed course is written to the HR system', async () => {
		const url = n8n.webhookUrl('recipe-tb', 'teachbase');
		const updated = teachbaseSample('course_stat', 'updated');
		const completed = {
			...updated,
			data: {
				...updated.data,
				status: 'completed',
				progress: 100,
				completed_at: '2024-03-05T12:00:00+03:00',
				updated_at: '2024-03-05T12:00:01+03:00',
			},
		};
		const section = teachbaseSample('section_stat', 'updated');
		for (const body of [teachbaseSample('course_stat', 'created'), updated, completed, section]) {
			const reply = await deliver(url, postRaw(JSON.stringify(body), 'application/json'));
			expect(reply.status).toBe(200);
		}
		await waitForExecutions(WORKFLOWS.course, 4);
		expect(sink.recordsUnder('/hr/')).toHaveLength(1);
		const [record] = sink.recordsUnder('/hr/training-records');
		expect(record?.headers.authorization).toBe(`Bearer ${API_TOKEN}`);
		expect(record?.body).toEqual({
			teachbaseUserId: 2240981,
			email: 'a.smirnova@example.ru',
			name: 'Анна Смирнова',
			courseId: 84213,
			courseSessionId: 190327,
			status: 'completed',
			progress: 100,
			completedAt: '2024-03-05T09:00:00.000Z',
		});
		const logged = await rows('teachbase_events');
		expect(logged.map((row) => [row.event, row.status, row.progress]).sort()).toEqual(
			[
				['course_stat.created', 'new', 0],
				['course_stat.updated', 'inprogress', 62.5],
				['course_stat.updated', 'completed', 100],
				['section_stat.updated', 'completed', 100],
			].sort(),
		);
		expect(logged.every((row) => row.userId === 2240981 && row.courseId === 84213)).toBe(true);
		await expectNoFailures(WORKFLOWS.course);
	});

	it("03 Gensee: joins and leaves become rows; at 105 each attendee's minutes are what the rows imply, sent once to the sheet, and the session's rows are cleared", async () => {
		const url = n8n.webhookUrl('recipe-gs-sheet', 'gensee');
		const tableId = suite.tableIds.gensee_attendance ?? '';
		const now = Date.now();
		const minute = 60_000;
		const seeded = (classNo: string, userId: string, action: number, atMs: number): Row => ({
			classNo,
			userId,
			action,
			atMs,
			at: new Date(atMs).toISOString(),
		});
		const CLASS = genseeActionSample('105').ClassNo ?? '';
		// Calls from earlier in the session, as the recipe recorded them.
		await suite.tables.insert(tableId, [
			seeded(CLASS, '1001', 101, now - 50 * minute),
			seeded(CLASS, '1001', 107, now - 20 * minute),
			seeded(CLASS, '1001', 101, now - 10 * minute),
			seeded(CLASS, '1002', 101, now - 40 * minute),
			seeded(CLASS, '1002', 110, now - 35 * minute),
			seeded('another-webinar', '1003', 101, now - 5 * minute),
		]);
		// And live ones now: the sample attendee joins and leaves; 103 is not a recipe event.
		for (const action of ['101', '103', '107']) {
			expect((await deliver(url, getQuery(genseeActionSample(action)))).status).toBe(200);
			await sleep(1_500);
		}
		await waitForExecutions(WORKFLOWS.webinarSheet, 2);
		const before = (await rows('gensee_attendance')).filter((row) => row.classNo === CLASS);
		expect(before).toHaveLength(7);
		expect(before.filter((row) => row.userId === '9934592202').map((row) => row.action)).toEqual([
			101, 107,
		]);

		expect((await deliver(url, getQuery(genseeActionSample('105')))).status).toBe(200);
		const [summary] = await sink.waitFor('/sheet/attendance', 1, RECORD_WAIT_MS);
		const stoppedAt = Date.parse(String(summary?.body.stoppedAt));
		const expected = expectedGenseeMinutes(before, stoppedAt);
		expect(expected['1001']?.minutes).toBeGreaterThan(39.9);
		const attendees = Array.isArray(summary?.body.attendees) ? summary.body.attendees : [];
		expect(summary?.body.classNo).toBe(CLASS);
		expect(
			Object.fromEntries(
				attendees.map((attendee: Record<string, unknown>) => [
					String(attendee.userId),
					{
						minutes: attendee.minutes,
						sessions: attendee.sessions,
						stillInAtStop: attendee.stillInAtStop,
					},
				]),
			),
		).toEqual(expected);
		await waitForExecutions(WORKFLOWS.webinarSheet, 3);
		const after = await rows('gensee_attendance');
		expect(after.filter((row) => row.classNo === CLASS)).toEqual([]);
		expect(after.filter((row) => row.classNo === 'another-webinar')).toHaveLength(1);
		expect(sink.recordsUnder('/sheet/')).toHaveLength(1);
		expect(sink.recordsUnder('/wecom/summary')).toEqual([]);
		await expectNoFailures(WORKFLOWS.webinarSheet);
	});

	it("03 Gensee: the summary as a Feishu message, and web and client questions in the moderator's chat", async () => {
		const chatUrl = n8n.webhookUrl('recipe-gs-chat', 'gensee');
		const now = Date.now();
		await suite.tables.insert(suite.tableIds.gensee_attendance ?? '', [
			{ classNo: 'webinar-b', userId: '2001', action: 101, atMs: now - 30 * 60_000, at: '' },
			{ classNo: 'webinar-b', userId: '2001', action: 107, atMs: now - 5 * 60_000, at: '' },
		]);
		const stop = { ...genseeActionSample('105'), ClassNo: 'webinar-b' };
		expect((await deliver(chatUrl, getQuery(stop))).status).toBe(200);
		const [message] = await sink.waitFor('/feishu/summary', 1, RECORD_WAIT_MS);
		expect(message?.body).toEqual({
			msg_type: 'text',
			content: { text: '[直播] 直播已结束（webinar-b），出勤 1 人：\n2001：25 分钟（进入 1 次）' },
		});

		const questionsUrl = n8n.webhookUrl('recipe-gs-chat', 'gensee');
		expect(
			(await deliver(questionsUrl, postRaw(GENSEE_QA_XML, 'text/plain; charset=utf-8'))).status,
		).toBe(200);
		expect(
			(
				await deliver(
					questionsUrl,
					postRaw(
						new URLSearchParams(GENSEE_WEB_QUESTION).toString(),
						'application/x-www-form-urlencoded',
					),
				)
			).status,
		).toBe(200);
		const questions = await sink.waitFor('/feishu/moderator', 3, RECORD_WAIT_MS);
		expect(
			questions
				.map((record) => record.body)
				.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
		).toEqual(
			[
				'[直播] 提问 · 张伟：老师，第三章的作业什么时候交？',
				'[直播] 提问 · Li Na：Will the slides be shared?',
				'[直播] 提问 · 王芳：回放什么时候可以看？',
			]
				.map((text) => ({ msg_type: 'text', content: { text } }))
				.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
		);
		// The stop and the two question deliveries; a request reaches the sink before its execution ends.
		await waitForExecutions(WORKFLOWS.webinarChat, 3);
		await expectNoFailures(WORKFLOWS.webinarChat);
	});

	it('05 Agora: a booking creates the classroom, answers the CRM with its ID, and starts the class at the booked time', async () => {
		const url = `${n8n.baseUrl}/webhook/crm-booking`;
		const booking = {
			bookingId: 'deal-4711',
			className: '商务英语 B2 · 第 3 课',
			startTime: new Date(Date.now() + 15_000).toISOString(),
			durationMinutes: 90,
		};
		const refused = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-api-key': 'wrong' },
			body: JSON.stringify({ ...booking, bookingId: 'deal-intruder' }),
		});
		expect(refused.status).toBe(403);
		const reply = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-api-key': BOOKING_KEY },
			body: JSON.stringify(booking),
		});
		expect(reply.status).toBe(200);
		expect(await reply.json()).toEqual({
			classroomId: 'deal-4711',
			alreadyExisted: false,
			startsAt: booking.startTime,
		});
		const room = agora.room(REGION, 'deal-4711');
		expect(room).toMatchObject({ roomName: booking.className, roomType: 2, state: 0 });
		expect(room?.roomProperties).toMatchObject({
			schedule: { startTime: Date.parse(booking.startTime), duration: 5400, closeDelay: 600 },
		});
		expect(agora.room(REGION, 'deal-intruder')).toBeUndefined();
		// Looked at every 100 ms: the class is seen started within 100 ms of the call that starts it.
		let startedAt = 0;
		await pollUntil(
			() => {
				startedAt = Date.now();
				return agora.room(REGION, 'deal-4711')?.state === 1;
			},
			{ timeout: 60_000, describe: 'the class to start', logSource: n8n, interval: 100 },
		);
		expect(startedAt).toBeGreaterThanOrEqual(Date.parse(booking.startTime));
		expect(startedAt).toBeLessThan(Date.parse(booking.startTime) + 10_000);
		expect(
			agora.requests.filter(
				(request) =>
					request.method === 'PUT' &&
					request.segments.at(-1) === '1' &&
					request.segments.includes('deal-4711'),
			),
		).toHaveLength(1);
		await waitForExecutions(WORKFLOWS.booking, 1);
		await expectNoFailures(WORKFLOWS.booking);
	});

	it(
		"04 Agora: when a class ends, each student's attendance (Get Attendance) is posted to the CRM",
		async () => {
			const ROOM = 'recipe class #4';
			const start = Date.now() - 2 * 60 * 60_000;
			const minutes = (count: number) => start + count * 60_000;
			agora.createRoom(REGION, ROOM);
			const move = (
				list: 'onlineUsers' | 'offlineUsers',
				userUuid: string,
				role: number,
				time: number,
			) =>
				agora.addEvent(REGION, ROOM, 20, {
					total: 1,
					[list]: [
						{
							userUuid,
							userName: userUuid.toUpperCase(),
							role: String(role),
							type: 1,
							updateTime: time,
						},
					],
				});
			agora.addEvent(REGION, ROOM, 1, { state: 1, startTime: minutes(0) });
			move('onlineUsers', 'teacher-1', 1, minutes(0));
			move('onlineUsers', 'student-1', 2, minutes(0));
			move('onlineUsers', 'student-2', 2, minutes(10));
			move('offlineUsers', 'student-1', 2, minutes(30));
			agora.addEvent(REGION, ROOM, 1, { state: 2, endTime: minutes(60) });
			const posted = await sink.waitFor('/crm/attendance', 2, POLL_WAIT_MS);
			await sleep(2_000);
			expect(sink.recordsUnder('/crm/attendance')).toHaveLength(2);
			expect(posted.every((record) => record.headers.authorization === `Bearer ${API_TOKEN}`)).toBe(
				true,
			);
			const byStudent = Object.fromEntries(
				posted.map((record) => [String(record.body.studentId), record.body]),
			);
			expect(byStudent['student-1']).toEqual({
				classroomId: ROOM,
				studentId: 'student-1',
				studentName: 'STUDENT-1',
				minutesPresent: 30,
				sessions: 1,
				firstJoinedAt: new Date(minutes(0)).toISOString(),
				lastLeftAt: new Date(minutes(30)).toISOString(),
				wasKicked: false,
				classStartedAt: new Date(minutes(0)).toISOString(),
				classEndedAt: new Date(minutes(60)).toISOString(),
			});
			expect(byStudent['student-2']).toMatchObject({
				minutesPresent: 50,
				sessions: 1,
				lastLeftAt: null,
			});
			await expectNoFailures(WORKFLOWS.attendance);
		},
		POLL_WAIT_MS + 30_000,
	);
	it("07 Gensee: at 105 Gensee's own attendance replaces what the callbacks recorded, and the sheet says what they missed", async () => {
		const url = n8n.webhookUrl('recipe-gs-auth', 'gensee');
		const CLASS = 'webinar-authoritative';
		const gensee = suite.gensee;
		gensee.createRoom('webcast', CLASS);
		const now = Date.now();
		const minutesAgo = (count: number) => now - count * 60_000;
		// Gensee's record: 2001 came twice (the second join's callback never arrived), 2002 once,
		// 2003 once with no callback at all; 2004 came before the look-back window.
		gensee.addVisit(CLASS, {
			uid: 2001,
			nickname: 'Ann',
			joinTime: minutesAgo(50),
			leaveTime: minutesAgo(30),
		});
		gensee.addVisit(CLASS, {
			uid: 2001,
			nickname: 'Ann',
			joinTime: minutesAgo(20),
			leaveTime: minutesAgo(5),
		});
		gensee.addVisit(CLASS, {
			uid: 2002,
			nickname: 'Bob',
			joinTime: minutesAgo(45),
			leaveTime: minutesAgo(10),
		});
		gensee.addVisit(CLASS, {
			uid: 2003,
			nickname: 'Cy',
			joinTime: minutesAgo(40),
			leaveTime: minutesAgo(39),
		});
		gensee.addVisit(CLASS, {
			uid: 2004,
			nickname: 'Old',
			joinTime: now - 8 * 3_600_000,
			leaveTime: now - 7 * 3_600_000,
		});
		const callback = (action: string, operator: string) => ({
			...genseeActionSample(action),
			ClassNo: CLASS,
			Operator: operator,
			Affected: operator,
		});
		for (const [action, operator] of [
			['101', '2001'],
			['107', '2001'],
			['101', '2002'],
			['107', '2002'],
		]) {
			expect((await deliver(url, getQuery(callback(action, operator)))).status).toBe(200);
		}
		await waitForExecutions(WORKFLOWS.authoritative, 4);
		expect((await rows('gensee_attendance')).filter((row) => row.classNo === CLASS)).toHaveLength(
			4,
		);

		const exportsBefore = gensee.calls('export/history').length;
		expect((await deliver(url, getQuery(callback('105', '0')))).status).toBe(200);
		const [sheet] = await sink.waitFor('/sheet/authoritative', 1, RECORD_WAIT_MS);
		const exports = gensee.calls('export/history').slice(exportsBefore);
		expect(exports).toHaveLength(1);
		expect(exports[0]).toMatchObject({ siteKind: 'webcast', authorized: true, code: '0' });
		expect(exports[0]?.params).toMatchObject({ webcastId: CLASS, sec: 'true' });
		const endedAt = String(sheet?.body.endedAt);
		expect(Date.parse(endedAt)).toBeGreaterThanOrEqual(now);
		expect(sheet?.body).toMatchObject({
			classNo: CLASS,
			source: 'gensee-export',
			callbacksMissedSomething: true,
			missedAttendees: 2,
		});
		const attendees = Array.isArray(sheet?.body.attendees) ? sheet.body.attendees : [];
		expect(
			attendees.map((attendee: Record<string, unknown>) => [
				attendee.uid,
				attendee.userName,
				attendee.sessions,
				attendee.minutesPresent,
				attendee.callbackJoins,
				attendee.missedByCallbacks,
			]),
		).toEqual([
			['2001', 'Ann', 2, 35, 1, true],
			['2002', 'Bob', 1, 35, 1, false],
			['2003', 'Cy', 1, 1, 0, true],
		]);
		await waitForExecutions(WORKFLOWS.authoritative, 5);
		expect((await rows('gensee_attendance')).filter((row) => row.classNo === CLASS)).toEqual([]);
		expect(sink.recordsUnder('/sheet/authoritative')).toHaveLength(1);
		await expectNoFailures(WORKFLOWS.authoritative);
	});
});

describe('06 Teachbase: new hire from HR', () => {
	const CLIENT_ID = 'recipe-tb-client';
	const CLIENT_SECRET = 'recipe-tb-secret-6e1f';
	let teachbase: FakeTeachbaseServer;
	let onboarding: FakeSession;

	beforeAll(async () => {
		teachbase = await FakeTeachbaseServer.start({
			clientId: CLIENT_ID,
			clientSecret: CLIENT_SECRET,
		});
		const course = teachbase.addCourse('Onboarding');
		onboarding = teachbase.addSession(course.id, 'Onboarding, December');
		teachbase.addUser('veteran@example.com', { name: 'Vera' });
		// The user creates the Teachbase credential in the editor, then imports the recipe.
		const login = await fetch(`${n8n.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		const cookie = /n8n-auth=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
		if (cookie === undefined) throw new Error(`login failed: ${login.status}`);
		const created = await new RestSession(n8n.baseUrl, cookie).call('POST', '/credentials', {
			name: 'Teachbase account',
			type: 'teachbaseApi',
			data: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: teachbase.url },
		});
		const id = isRecord(created) && typeof created.id === 'string' ? created.id : '';
		await importRecipes(
			n8n,
			[
				{
					file: '06-hr-new-hire-to-teachbase.json',
					id: 'recipeNewHireTb1',
					settings: { onboardingSessionId: onboarding.id, language: 'en' },
					credentials: {
						teachbaseApi: { id, name: 'Teachbase account' },
						httpHeaderAuth: RECIPE_CREDENTIALS.bookingKey,
					},
					webhookIds: { 'New hire from HR': 'recipe-new-hire' },
					tables: {},
					pickTablesById: PICK_TABLES_BY_ID,
				},
			],
			['hr-new-hire'],
		);
	}, 300_000);

	afterAll(async () => {
		await teachbase?.stop();
	});

	const hire = async (person: Record<string, string>, key = BOOKING_KEY) =>
		await fetch(`${n8n.baseUrl}/webhook/hr-new-hire`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-api-key': key },
			body: JSON.stringify(person),
		});

	it('creates the person with their HR ID, enrols them, and answers once Teachbase has them', async () => {
		expect((await hire({ email: 'intruder@example.com' }, 'wrong')).status).toBe(403);
		const reply = await hire({
			email: 'nina.hire@example.com',
			firstName: 'Nina',
			lastName: 'Hire',
			employeeId: 'HR-42',
		});
		expect(reply.status).toBe(200);
		expect(await reply.json()).toEqual({
			email: 'nina.hire@example.com',
			sessionId: onboarding.id,
			enrolled: true,
			alreadyEnrolled: false,
		});
		const nina = teachbase.users.find((user) => user.email === 'nina.hire@example.com');
		expect(nina).toMatchObject({
			name: 'Nina',
			last_name: 'Hire',
			external_id: 'HR-42',
			lang: 'en',
		});
		expect(onboarding.participants.has(Number(nina?.id))).toBe(true);
		expect(teachbase.users.some((user) => user.email === 'intruder@example.com')).toBe(false);
	});

	it('finds a person Teachbase already has by email, and says when they were already enrolled', async () => {
		const veteran = await hire({
			email: 'veteran@example.com',
			firstName: 'Vera',
			lastName: 'Old',
		});
		expect(veteran.status).toBe(200);
		expect(await veteran.json()).toMatchObject({ enrolled: true, alreadyEnrolled: false });
		const vera = teachbase.users.filter((user) => user.email === 'veteran@example.com');
		expect(vera).toHaveLength(1);
		expect(onboarding.participants.has(Number(vera[0]?.id))).toBe(true);

		const again = await hire({
			email: 'nina.hire@example.com',
			firstName: 'Nina',
			lastName: 'Hire',
		});
		expect(again.status).toBe(200);
		expect(await again.json()).toMatchObject({ enrolled: true, alreadyEnrolled: true });
		expect(teachbase.users.filter((user) => user.email === 'nina.hire@example.com')).toHaveLength(
			1,
		);
		// One token for all of it.
		expect(teachbase.tokenRequests).toBe(1);
	});
});
