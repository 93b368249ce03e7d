import { describe, expect, it } from 'vitest';

import { decodeAgoraEvent, splitParsable } from '../../../nodes/AgoraClassroom/decode';
import {
	AGORA_EVENT_TYPES,
	parseAgoraEvent,
	type AgoraEvent,
} from '../../../nodes/AgoraClassroom/events';
import { normaliseRole } from '../../../nodes/AgoraClassroom/users';
import { expandFlattenedKeys, normaliseWidgetEvent } from '../../../nodes/AgoraClassroom/widget';

const RECEIVED_AT = Date.UTC(2026, 0, 2, 3, 4, 5);
const OPTIONS = { receivedAt: RECEIVED_AT, includeRaw: false, oneItemPerUser: false };

function event(
	cmd: number,
	data: Record<string, unknown>,
	extra: Record<string, unknown> = {},
): AgoraEvent {
	const parsed = parseAgoraEvent({
		roomUuid: 'room 1',
		cmd,
		sequence: 7,
		version: 1,
		data,
		...extra,
	});
	if (parsed === undefined) throw new Error('fixture does not parse');
	return parsed;
}

function one(input: AgoraEvent, options = OPTIONS) {
	const items = decodeAgoraEvent(input, options);
	expect(items).toHaveLength(1);
	return items[0].json;
}

// Payloads from Agora's event-sync document (vendor/agora-classroom-event-sync.zh.txt).
const QUIZ_STARTED = {
	action: 1,
	widgetUuid: 'popupQuiz',
	changeProperties: {
		'extra.correctItems': ['A', 'B', 'D'],
		'extra.totalCount': 1,
		'extra.answerState': 1,
		state: 1,
		'extra.popupQuizId': 'ab5b183238a74d5a9c955dc87c6397e0',
		'extra.averageAccuracy': 0,
		'extra.correctCount': 0,
		'extra.items': ['A', 'C', 'B'],
		'extra.receiveQuestionTime': 1652413962895,
	},
	operator: { userName: 'server', userUuid: 'server', role: 'server' },
};
const QUIZ_ANSWER = {
	action: 1,
	widgetUuid: 'popupQuiz',
	changeProperties: {
		selectedItems: ['A', 'B', 'D'],
		isCorrect: true,
		popupQuizId: 'ab5b183238a74d5a9c955dc87c6397e0',
		lastCommitTime: 1652413989997,
	},
};
const QUIZ_ENDED = {
	action: 1,
	widgetUuid: 'popupQuiz',
	changeProperties: {
		'extra.totalCount': 1,
		'extra.answerState': 0,
		'extra.selectedCount': 1,
		'extra.averageAccuracy': 1,
		'extra.correctCount': 1,
	},
};
const POLL_STARTED = {
	action: 1,
	widgetUuid: 'poll',
	changeProperties: {
		'extra.pollId': 'e556ce3df5cd4c23941b03bf54d29ba3',
		'extra.pollState': 1,
		'extra.pollItems': ['aaa', 'bbb'],
		'extra.mode': 2,
		state: 1,
		'extra.pollDetails': { '0': { num: 0, percentage: 0 }, '1': { num: 0, percentage: 0 } },
	},
};
const POLL_VOTE = {
	action: 1,
	widgetUuid: 'poll',
	changeProperties: { pollId: 'e556ce3df5cd4c23941b03bf54d29ba3', selectIndex: [1, 2] },
};
const POLL_TOTALS = {
	action: 1,
	widgetUuid: 'poll',
	changeProperties: {
		'extra.pollId': 'e556',
		'extra.pollDetails': { '0': { num: 1, percentage: 1 } },
	},
};
const POLL_ENDED = {
	action: 1,
	widgetUuid: 'poll',
	changeProperties: { 'extra.pollId': 'e556', 'extra.pollState': 0 },
};

describe('parseAgoraEvent', () => {
	it('reads list entries, accepting numeric strings, and refuses entries without cmd or sequence', () => {
		expect(parseAgoraEvent({ roomUuid: 'r', cmd: '20', sequence: '3', data: { a: 1 } })).toEqual({
			roomUuid: 'r',
			cmd: 20,
			sequence: 3,
			data: { a: 1 },
		});
		expect(parseAgoraEvent({ cmd: 1 })).toBeUndefined();
		expect(parseAgoraEvent({ sequence: 1 })).toBeUndefined();
		expect(parseAgoraEvent('x')).toBeUndefined();
		expect(parseAgoraEvent({ cmd: 1, sequence: 2, data: 'nope' })?.data).toEqual({});
		const split = splitParsable([{ cmd: 1, sequence: 1 }, { nonsense: true }]);
		expect(split.events).toHaveLength(1);
		expect(split.unparsable).toEqual([{ nonsense: true }]);
	});
});

describe('decodeAgoraEvent: envelope', () => {
	it('puts cmd in event, a readable name, room:sequence as id, times from the event, then the fields', () => {
		const json = one(event(1, { startTime: 1611561776588, state: 1 }));
		expect(json).toEqual({
			platform: 'agora',
			event: '1',
			eventName: 'Class started',
			eventId: 'room 1:7',
			occurredAt: '2021-01-25T08:02:56.588Z',
			receivedAt: '2026-01-02T03:04:05.000Z',
			roomUuid: 'room 1',
			sequence: 7,
			cmd: 1,
			version: 1,
			startTime: 1611561776588,
			startTimeIso: '2021-01-25T08:02:56.588Z',
			state: 1,
		});
	});

	it('names every class state and uses its own time', () => {
		expect(one(event(1, { state: 2, endTime: 1611561776000 }))).toMatchObject({
			eventName: 'Class ended',
			occurredAt: '2021-01-25T08:02:56.000Z',
		});
		expect(one(event(1, { state: 3, closeTime: 1611561777000 }))).toMatchObject({
			eventName: 'Class closed',
			occurredAt: '2021-01-25T08:02:57.000Z',
		});
		expect(one(event(1, { state: 0 })).eventName).toBe('Class not started');
		expect(one(event(1, { state: 0 })).occurredAt).toBeUndefined();
	});

	it('keeps the raw event only when asked', () => {
		expect(one(event(3, { message: 'hi' })).raw).toBeUndefined();
		expect(one(event(3, { message: 'hi' }), { ...OPTIONS, includeRaw: true }).raw).toEqual({
			roomUuid: 'room 1',
			cmd: 3,
			sequence: 7,
			version: 1,
			data: { message: 'hi' },
		});
	});

	it('names every documented cmd', () => {
		const names = new Map<number, string>([
			[3, 'Chat message'],
			[1002, 'Recording uploaded'],
			[1003, 'Cloud drive changed'],
			[1101, 'Reward changed'],
		]);
		for (const [cmd, name] of names) expect(one(event(cmd, {})).eventName).toBe(name);
		expect(one(event(1001, { state: 1, startTime: 1611564500488 }))).toMatchObject({
			eventName: 'Recording started',
			occurredAt: '2021-01-25T08:48:20.488Z',
		});
		expect(one(event(1001, { state: 0, endTime: 1611564600000 })).eventName).toBe(
			'Recording stopped',
		);
		expect(one(event(1001, { state: 2, endTime: 1611564600000 })).eventName).toBe(
			'Recording stopped',
		);
		expect(one(event(1001, { state: 1, onhold: true })).eventName).toBe('Recording paused');
		expect(one(event(1501, { addAcceptedUsers: [{ userUuid: 'u' }] })).eventName).toMatch(
			/^Stage changed/,
		);
		expect(one(event(1501, {})).eventName).toBe('Stage changed');
		expect(one(event(1502, { addProgressUsers: [{ userUuid: 'u', payload: {} }] })).eventName).toBe(
			'Hand raised',
		);
		expect(one(event(1502, { removeProgressUsers: [{ userUuid: 'u' }] })).eventName).toBe(
			'Hand lowered',
		);
		expect(one(event(4242, {})).eventName).toBe('Agora Event 4242');
		expect(AGORA_EVENT_TYPES.map((type) => type.cmd)).toEqual([
			1, 3, 20, 1001, 1002, 1003, 1101, 1110, 1501, 1502,
		]);
	});

	it('reads reward times and recording file lists sent as a JSON string', () => {
		expect(
			one(
				event(1101, {
					rewardDetails: [{ userUuid: 'u', changedReward: 1, totalReward: 10 }],
					updateTime: 1611564500488,
				}),
			).occurredAt,
		).toBe('2021-01-25T08:48:20.488Z');
		expect(
			one(
				event(1002, {
					recordId: 'x',
					recordDetails: '[{"url":"https://x/a.mp4"}]',
					allUploaded: true,
				}),
			).recordDetails,
		).toEqual([{ url: 'https://x/a.mp4' }]);
		expect(one(event(1002, { recordDetails: [{ url: 'u' }] })).recordDetails).toEqual([
			{ url: 'u' },
		]);
		expect(one(event(1002, { recordDetails: 'not json' })).recordDetails).toBe('not json');
	});

	it('never lets a __proto__ key through', () => {
		const parsed = parseAgoraEvent(
			JSON.parse(
				'{"roomUuid":"r","cmd":3,"sequence":1,"data":{"__proto__":{"polluted":true},"message":"x"}}',
			),
		);
		if (parsed === undefined) throw new Error('fixture');
		const json = one(parsed);
		expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(json.message).toBe('x');
	});
});

describe('decodeAgoraEvent: users in and out', () => {
	const movement = event(20, {
		total: 3,
		onlineUsers: [
			{
				userName: 'Ann',
				userUuid: 'ann',
				role: '2',
				userProperties: {},
				streamUuid: 's1',
				type: 1,
				updateTime: 1611561776588,
			},
			{ userName: 'Bob', userUuid: 'bob', role: 'audience', type: 2, updateTime: 1611561777000 },
		],
		offlineUsers: [{ userName: 'Cy', userUuid: 'cy', role: 1, type: 2, updateTime: 1611561778000 }],
	});

	it('gives one item per event by default, users with normalised roles, latest time', () => {
		const json = one(movement);
		expect(json.eventName).toBe('Users joined or left');
		expect(json.occurredAt).toBe('2021-01-25T08:02:58.000Z');
		expect(json.onlineUsers).toEqual([
			{
				userName: 'Ann',
				userUuid: 'ann',
				role: 'student',
				roleId: 2,
				userProperties: {},
				streamUuid: 's1',
				type: 1,
				updateTime: 1611561776588,
				updateTimeIso: '2021-01-25T08:02:56.588Z',
			},
			{
				userName: 'Bob',
				userUuid: 'bob',
				role: 'student',
				roleId: 2,
				type: 2,
				updateTime: 1611561777000,
				updateTimeIso: '2021-01-25T08:02:57.000Z',
			},
		]);
		expect(json.offlineUsers).toMatchObject([{ userUuid: 'cy', role: 'teacher', roleId: 1 }]);
	});

	it('names a single movement', () => {
		expect(
			one(event(20, { onlineUsers: [{ userUuid: 'a', type: 1 }], offlineUsers: [] })).eventName,
		).toBe('User joined');
		expect(one(event(20, { offlineUsers: [{ userUuid: 'a', type: 1 }] })).eventName).toBe(
			'User left',
		);
	});

	it('splits into one item per user when asked, each with its own name, id and time', () => {
		const items = decodeAgoraEvent(movement, { ...OPTIONS, oneItemPerUser: true }).map(
			(item) => item.json,
		);
		expect(
			items.map((json) => [
				json.eventName,
				json.movement,
				json.userUuid,
				json.role,
				json.eventId,
				json.occurredAt,
			]),
		).toEqual([
			['User joined', 'joined', 'ann', 'student', 'room 1:7:in:ann', '2021-01-25T08:02:56.588Z'],
			[
				'User reconnected',
				'reconnected',
				'bob',
				'student',
				'room 1:7:in:bob',
				'2021-01-25T08:02:57.000Z',
			],
			['User kicked', 'kicked', 'cy', 'teacher', 'room 1:7:out:cy', '2021-01-25T08:02:58.000Z'],
		]);
		expect(
			items.every(
				(json) => json.event === '20' && json.sequence === 7 && json.roomUuid === 'room 1',
			),
		).toBe(true);
	});

	it('still gives one item for an event that lists nobody', () => {
		expect(
			decodeAgoraEvent(event(20, { total: 0, onlineUsers: [], offlineUsers: [] }), {
				...OPTIONS,
				oneItemPerUser: true,
			}),
		).toHaveLength(1);
	});
});

describe('roles', () => {
	it('reads numbers, numeric strings and names', () => {
		expect(normaliseRole(1)).toEqual({ role: 'teacher', roleId: 1 });
		expect(normaliseRole('3')).toEqual({ role: 'assistant', roleId: 3 });
		expect(normaliseRole('0')).toEqual({ role: 'invisible', roleId: 0 });
		expect(normaliseRole('host')).toEqual({ role: 'teacher', roleId: 1 });
		expect(normaliseRole('Audience')).toEqual({ role: 'student', roleId: 2 });
		expect(normaliseRole('broadcaster')).toEqual({ role: 'student', roleId: 2 });
		expect(normaliseRole('observer')).toEqual({ role: 'observer', roleId: 4 });
		expect(normaliseRole('server')).toEqual({ role: 'server' });
		expect(normaliseRole('janitor')).toEqual({ role: 'janitor' });
		expect(normaliseRole(9)).toEqual({ role: '9', roleId: 9 });
		expect(normaliseRole('')).toBeUndefined();
		expect(normaliseRole(null)).toBeUndefined();
	});
});

describe('widgets', () => {
	it('expands flattened keys and merges them with nested ones', () => {
		expect(
			expandFlattenedKeys({
				'extra.a': 1,
				extra: { b: 2 },
				'x.y.z': 3,
				state: 1,
				'__proto__.p': 1,
				'a..b': 2,
			}),
		).toEqual({
			extra: { a: 1, b: 2 },
			x: { y: { z: 3 } },
			state: 1,
		});
	});

	it('reads the documented quiz payloads: started, answered, ended', () => {
		const started = one(event(1110, QUIZ_STARTED));
		expect(started.eventName).toBe('Quiz started');
		expect(started.occurredAt).toBe('2022-05-13T03:52:42.895Z');
		expect(started.widget).toMatchObject({
			kind: 'popupQuiz',
			quizId: 'ab5b183238a74d5a9c955dc87c6397e0',
			state: 1,
			answerState: 1,
		});
		expect((started.widget as { properties: { extra: unknown } }).properties.extra).toMatchObject({
			correctItems: ['A', 'B', 'D'],
			totalCount: 1,
		});
		expect(started.operator).toEqual({ userName: 'server', userUuid: 'server', role: 'server' });

		const answered = one(
			event(1110, QUIZ_ANSWER, {
				fromUser: { userName: 'yerongzhe2', userUuid: 'yerongzhe22', role: 'audience' },
			}),
		);
		expect(answered.eventName).toBe('Quiz answered');
		expect(answered.occurredAt).toBe('2022-05-13T03:53:09.997Z');
		expect(answered.widget).toMatchObject({ quizId: 'ab5b183238a74d5a9c955dc87c6397e0' });
		expect(answered.fromUser).toMatchObject({ role: 'student', roleId: 2 });

		expect(one(event(1110, QUIZ_ENDED)).eventName).toBe('Quiz ended');
		expect(
			one(event(1110, { widgetUuid: 'popupQuiz', changeProperties: { 'extra.selectedCount': 2 } }))
				.eventName,
		).toBe('Quiz results updated');
	});

	it('reads the documented poll payloads: started, voted, totals, ended, with pollState or pollingState', () => {
		expect(one(event(1110, POLL_STARTED))).toMatchObject({
			eventName: 'Poll started',
			widget: { kind: 'poll', pollId: 'e556ce3df5cd4c23941b03bf54d29ba3', pollState: 1, state: 1 },
		});
		expect(one(event(1110, POLL_VOTE))).toMatchObject({
			eventName: 'Poll voted',
			widget: { pollId: 'e556ce3df5cd4c23941b03bf54d29ba3' },
		});
		expect(one(event(1110, POLL_TOTALS)).eventName).toBe('Poll results updated');
		expect(one(event(1110, POLL_ENDED))).toMatchObject({
			eventName: 'Poll ended',
			widget: { pollState: 0 },
		});
		const tableSpelling = {
			widgetUuid: 'poll',
			changeProperties: { extra: { pollId: 'p', pollingState: 0 } },
		};
		expect(one(event(1110, tableSpelling))).toMatchObject({
			eventName: 'Poll ended',
			widget: { pollState: 0, pollId: 'p' },
		});
	});

	it('follows cause.action 1–4 when Agora sends it, and finds the quiz id under either name', () => {
		const names = [1, 2, 3, 4].map((action) =>
			normaliseWidgetEvent({
				widgetUuid: 'popupQuiz',
				changeProperties: {},
				cause: { action, popQuizId: 'q1' },
			}),
		);
		expect(names.map((widget) => widget.activity)).toEqual([
			'Quiz started',
			'Quiz ended',
			'Quiz answered',
			'Quiz results updated',
		]);
		expect(
			names.every((widget) => widget.quizId === 'q1' && widget.causeAction !== undefined),
		).toBe(true);
		const polls = [1, 2, 3, 4].map(
			(action) =>
				normaliseWidgetEvent({
					widgetUuid: 'poll',
					changeProperties: {},
					cause: { action, pollId: 'p1' },
				}).activity,
		);
		expect(polls).toEqual(['Poll started', 'Poll ended', 'Poll voted', 'Poll results updated']);
		// A quiz widget under another uuid is still recognised by its fields.
		expect(
			normaliseWidgetEvent({
				widgetUuid: 'quiz-2',
				changeProperties: { 'extra.popQuizId': 'q9', 'extra.answerState': 1 },
			}),
		).toMatchObject({ kind: 'popupQuiz', quizId: 'q9', activity: 'Quiz started' });
	});

	it('keeps other widgets as plain widget changes', () => {
		const json = one(
			event(1110, {
				action: 1,
				widgetUuid: 'countdown',
				changeProperties: { 'extra.duration': 60, state: 1 },
			}),
		);
		expect(json.eventName).toBe('Widget changed');
		expect(json.widget).toEqual({
			widgetUuid: 'countdown',
			kind: 'other',
			activity: 'Widget changed',
			state: 1,
			properties: { extra: { duration: 60 }, state: 1 },
		});
	});
});
