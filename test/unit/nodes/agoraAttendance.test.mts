import { afterEach, describe, expect, it, vi } from 'vitest';

import { computeAttendance, type Attendance } from '../../../nodes/AgoraClassroom/attendance';
import type { AgoraEvent } from '../../../nodes/AgoraClassroom/events';

const ROOM = 'room 1';
const T0 = Date.parse('2026-11-23T09:00:00Z');
const MINUTE = 60_000;
const EVERYONE = { roles: [], classTimeOnly: false };

/** Minutes after T0 as epoch milliseconds. */
function at(minutes: number): number {
	return T0 + minutes * MINUTE;
}

function iso(minutes: number): string {
	return new Date(at(minutes)).toISOString();
}

interface Move {
	user: string;
	/** Minutes after T0; null sends no updateTime. */
	at: number | null;
	role?: unknown;
	name?: string;
}

/** A history: a running sequence of class state (cmd 1) and users in/out (cmd 20) events. */
class History {
	readonly events: AgoraEvent[] = [];

	private add(cmd: number, data: AgoraEvent['data']): this {
		this.events.push({ roomUuid: ROOM, cmd, sequence: this.events.length + 1, data });
		return this;
	}

	classState(state: number, minutes: number): this {
		const key = ({ 1: 'startTime', 2: 'endTime', 3: 'closeTime' } as const)[state] ?? 'time';
		return this.add(1, { state, [key]: at(minutes) });
	}

	private users(list: 'onlineUsers' | 'offlineUsers', type: number, moves: Move[]): this {
		return this.add(20, {
			total: moves.length,
			[list]: moves.map((move) => ({
				userUuid: move.user,
				userName: move.name ?? move.user.toUpperCase(),
				role: 'role' in move ? move.role : '2',
				userProperties: {},
				streamUuid: '',
				type,
				...(move.at === null ? {} : { updateTime: at(move.at) }),
			})),
		});
	}

	join(...moves: Move[]): this {
		return this.users('onlineUsers', 1, moves);
	}

	reconnect(...moves: Move[]): this {
		return this.users('onlineUsers', 2, moves);
	}

	leave(...moves: Move[]): this {
		return this.users('offlineUsers', 1, moves);
	}

	kick(...moves: Move[]): this {
		return this.users('offlineUsers', 2, moves);
	}
}

function attendance(
	events: readonly AgoraEvent[],
	options: { roles?: string[]; classTimeOnly?: boolean } = {},
): Attendance[] {
	return computeAttendance(ROOM, events, { ...EVERYONE, ...options });
}

function byUser(records: Attendance[]): Record<string, Attendance> {
	return Object.fromEntries(records.map((record) => [record.userUuid, record]));
}

afterEach(() => {
	vi.useRealTimers();
});

describe('attendance from the event history', () => {
	it('counts a user who leaves and rejoins as two sessions, and gives every field', () => {
		const history = new History()
			.classState(1, 0)
			.join({ user: 'ann', at: 0 })
			.leave({ user: 'ann', at: 10 })
			.join({ user: 'ann', at: 20 })
			.leave({ user: 'ann', at: 50 })
			.classState(2, 60);
		expect(attendance(history.events)).toEqual([
			{
				roomUuid: ROOM,
				userUuid: 'ann',
				userName: 'ANN',
				role: 'student',
				firstJoinedAt: '2026-11-23T09:00:00.000Z',
				lastLeftAt: '2026-11-23T09:50:00.000Z',
				sessions: 2,
				minutesPresent: 40,
				wasKicked: false,
				stillInClassroom: false,
				classStartedAt: '2026-11-23T09:00:00.000Z',
				classEndedAt: '2026-11-23T10:00:00.000Z',
			},
		]);
	});

	it('marks a kicked user and ends the stay there', () => {
		const history = new History()
			.classState(1, 0)
			.join({ user: 'bob', at: 5 })
			.kick({ user: 'bob', at: 15 });
		expect(attendance(history.events)).toMatchObject([
			{
				userUuid: 'bob',
				sessions: 1,
				minutesPresent: 10,
				wasKicked: true,
				stillInClassroom: false,
				lastLeftAt: iso(15),
				classEndedAt: null,
			},
		]);
	});

	it('closes the stay of a user who never leaves at the class end, and says the user is still inside', () => {
		const history = new History()
			.classState(1, 0)
			.join({ user: 'cy', at: 30 })
			.classState(2, 60)
			.classState(3, 70);
		expect(attendance(history.events)).toMatchObject([
			{
				userUuid: 'cy',
				firstJoinedAt: iso(30),
				lastLeftAt: null,
				sessions: 1,
				minutesPresent: 30,
				stillInClassroom: true,
				classEndedAt: iso(60),
			},
		]);
	});

	it('counts a stay still open in a class that has not ended up to now', () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(at(45));
		const history = new History().classState(1, 0).join({ user: 'cy', at: 30 });
		expect(attendance(history.events)).toMatchObject([
			{ minutesPresent: 15, stillInClassroom: true, lastLeftAt: null, classEndedAt: null },
		]);
		vi.setSystemTime(at(75));
		expect(attendance(history.events)[0]?.minutesPresent).toBe(45);
	});

	it('takes a closed class that was never ended as ended at its closing', () => {
		const history = new History().classState(1, 0).join({ user: 'cy', at: 30 }).classState(3, 40);
		expect(attendance(history.events)).toMatchObject([
			{ minutesPresent: 10, stillInClassroom: true, classEndedAt: iso(40) },
		]);
	});

	it('ends a stay begun after the class ended at the closing, or now', () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(at(100));
		const ended = new History().classState(1, 0).classState(2, 60).join({ user: 'dee', at: 65 });
		expect(attendance(ended.events)[0]?.minutesPresent).toBe(35);
		expect(attendance(ended.classState(3, 80).events)[0]?.minutesPresent).toBe(15);
	});

	it('does not start a session on a reconnect while inside; a reconnect from outside is a join', () => {
		const history = new History()
			.join({ user: 'eve', at: 0 })
			.reconnect({ user: 'eve', at: 5 })
			.leave({ user: 'eve', at: 10 })
			.reconnect({ user: 'eve', at: 20 })
			.leave({ user: 'eve', at: 25 });
		expect(attendance(history.events)).toMatchObject([
			{ sessions: 2, minutesPresent: 15, firstJoinedAt: iso(0), lastLeftAt: iso(25) },
		]);
	});

	it('counts an event read twice once, and a second join while inside as nothing', () => {
		const history = new History()
			.classState(1, 0)
			.join({ user: 'ann', at: 0 })
			.join({ user: 'ann', at: 3 })
			.leave({ user: 'ann', at: 10 })
			.join({ user: 'ann', at: 20 })
			.leave({ user: 'ann', at: 30 });
		const once = attendance(history.events);
		expect(once).toMatchObject([{ sessions: 2, minutesPresent: 20 }]);
		const twice = [...history.events, ...history.events.map((event) => ({ ...event }))];
		expect(attendance(twice)).toEqual(once);
	});

	it('reads events in sequence order, whatever order they arrive in', () => {
		const history = new History()
			.classState(1, 0)
			.join({ user: 'ann', at: 0 }, { user: 'bob', at: 2 })
			.leave({ user: 'ann', at: 10 })
			.kick({ user: 'bob', at: 12 })
			.join({ user: 'ann', at: 20 })
			.classState(2, 60);
		const ordered = attendance(history.events);
		expect(attendance([...history.events].reverse())).toEqual(ordered);
		expect(ordered.map((record) => [record.userUuid, record.minutesPresent])).toEqual([
			['ann', 50],
			['bob', 10],
		]);
	});

	it('orders one event’s movements by their time: leaving and rejoining in one event', () => {
		const history = new History().join({ user: 'ann', at: 0 });
		history.events.push({
			roomUuid: ROOM,
			cmd: 20,
			sequence: 2,
			data: {
				onlineUsers: [{ userUuid: 'ann', role: 2, type: 1, updateTime: at(12) }],
				offlineUsers: [{ userUuid: 'ann', role: 2, type: 1, updateTime: at(10) }],
			},
		});
		expect(attendance(history.events)).toMatchObject([
			{ sessions: 2, stillInClassroom: true, lastLeftAt: null },
		]);
	});

	it('returns students by default, the chosen roles, or everyone; roles come as numbers, numeric strings or names', () => {
		const history = new History().join(
			{ user: 'teacher', at: 0, role: 1 },
			{ user: 'student-a', at: 1, role: '2' },
			{ user: 'student-b', at: 2, role: 'audience' },
			{ user: 'assistant', at: 3, role: 'assistant' },
			{ user: 'nobody', at: 4, role: null },
		);
		const userUuids = (roles: string[]) =>
			attendance(history.events, { roles }).map((record) => record.userUuid);
		expect(userUuids(['student'])).toEqual(['student-a', 'student-b']);
		expect(userUuids(['teacher', 'assistant'])).toEqual(['teacher', 'assistant']);
		expect(userUuids([])).toEqual(['teacher', 'student-a', 'student-b', 'assistant', 'nobody']);
		expect(byUser(attendance(history.events)).nobody?.role).toBeNull();
		expect(byUser(attendance(history.events)).teacher?.role).toBe('teacher');
	});

	it('with Class Time Only counts presence between start and end only', () => {
		const history = new History()
			.join({ user: 'early', at: -10 })
			.classState(1, 0)
			.leave({ user: 'early', at: 70 });
		history.classState(2, 60);
		expect(attendance(history.events)[0]?.minutesPresent).toBe(80);
		expect(attendance(history.events, { classTimeOnly: true })[0]).toMatchObject({
			minutesPresent: 60,
			sessions: 1,
			firstJoinedAt: iso(-10),
			lastLeftAt: iso(70),
		});
	});

	it('with Class Time Only counts up to now in a running class, and nothing in a class that never started', () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(at(30));
		const running = new History().join({ user: 'ann', at: -5 }).classState(1, 0);
		expect(attendance(running.events, { classTimeOnly: true })[0]?.minutesPresent).toBe(30);
		const never = new History().join({ user: 'ann', at: -5 }).leave({ user: 'ann', at: 20 });
		expect(attendance(never.events, { classTimeOnly: true })[0]).toMatchObject({
			minutesPresent: 0,
			sessions: 1,
		});
	});

	it('counts a leave without a join from the class start, or lists the user with nothing counted', () => {
		const started = new History().classState(1, 0).leave({ user: 'ann', at: 25 });
		expect(attendance(started.events)).toMatchObject([
			{ firstJoinedAt: iso(0), lastLeftAt: iso(25), sessions: 1, minutesPresent: 25 },
		]);
		const unknown = new History().leave({ user: 'ann', at: 25 });
		expect(attendance(unknown.events)).toMatchObject([
			{
				firstJoinedAt: null,
				lastLeftAt: iso(25),
				sessions: 0,
				minutesPresent: 0,
				stillInClassroom: false,
				classStartedAt: null,
			},
		]);
		const again = new History()
			.classState(1, 0)
			.join({ user: 'ann', at: 5 })
			.leave({ user: 'ann', at: 10 })
			.leave({ user: 'ann', at: 30 });
		expect(attendance(again.events)).toMatchObject([
			{ sessions: 1, minutesPresent: 5, lastLeftAt: iso(30) },
		]);
	});

	it('lists a user whose movements carry no time, without counting them', () => {
		const history = new History()
			.join({ user: 'ann', at: null, name: 'Ann' })
			.kick({ user: 'ann', at: null, name: 'Ann B.' });
		expect(attendance(history.events)).toMatchObject([
			{ userName: 'Ann B.', sessions: 0, minutesPresent: 0, wasKicked: true, firstJoinedAt: null },
		]);
	});

	it('orders users by first join, then userUuid; users never seen joining come last', () => {
		const history = new History()
			.classState(1, 0)
			.join({ user: 'zed', at: 1 })
			.join({ user: 'bea', at: 2 }, { user: 'amy', at: 2 })
			.leave({ user: 'late', at: null })
			.join({ user: 'kim', at: 0 });
		expect(attendance(history.events).map((record) => record.userUuid)).toEqual([
			'kim',
			'zed',
			'amy',
			'bea',
			'late',
		]);
	});

	it('rounds minutes to one decimal', () => {
		const seconds = (value: number) => T0 + value * 1000;
		const stay = (leftAt: number) =>
			attendance([
				{
					roomUuid: ROOM,
					cmd: 20,
					sequence: 1,
					data: { onlineUsers: [{ userUuid: 'a', type: 1, updateTime: T0 }] },
				},
				{
					roomUuid: ROOM,
					cmd: 20,
					sequence: 2,
					data: { offlineUsers: [{ userUuid: 'a', type: 1, updateTime: leftAt }] },
				},
			])[0]?.minutesPresent;
		expect(stay(seconds(90))).toBe(1.5);
		expect(stay(seconds(100))).toBe(1.7);
		expect(stay(seconds(2))).toBe(0);
	});

	it('passes over other event types and entries without a userUuid', () => {
		const history = new History().classState(1, 0);
		history.events.push(
			{ roomUuid: ROOM, cmd: 3, sequence: 50, data: { onlineUsers: [{ userUuid: 'x' }] } },
			{
				roomUuid: ROOM,
				cmd: 20,
				sequence: 51,
				data: { onlineUsers: [{ type: 1, updateTime: at(1) }, 'ann'] },
			},
		);
		expect(attendance(history.events)).toEqual([]);
	});
});
