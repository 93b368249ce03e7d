import { isChosen } from '../shared/choice';
import { isNonEmptyString } from '../shared/guards';
import { epochMillisToIso, isEpochMillis } from '../shared/time';
import {
	AGORA_CMD,
	AGORA_TIME_ZONE,
	CLASS_STATE_TIME,
	integer,
	userMovements,
	type AgoraEvent,
	type UserMovement,
} from './events';
import { normaliseRole } from './users';

export interface AttendanceOptions {
	/** Role names to keep (`teacher`, `student`…, as users.ts names them); empty keeps everyone. */
	roles: readonly string[];
	/** Count presence only between the class's start and its end (or now, while it runs). */
	classTimeOnly: boolean;
}

/** One user's attendance: an output item of Classroom → Get Attendance. */
export type Attendance = {
	roomUuid: string;
	userUuid: string;
	userName: string;
	/** The role as users.ts names it; null when Agora never sent one for this user. */
	role: string | null;
	firstJoinedAt: string | null;
	/** Null while the user is still inside (or never left). */
	lastLeftAt: string | null;
	/** Join → leave intervals; a reconnect while inside does not start one. */
	sessions: number;
	minutesPresent: number;
	wasKicked: boolean;
	/** Whether the history ends with the user inside. */
	stillInClassroom: boolean;
	classStartedAt: string | null;
	classEndedAt: string | null;
};

/** When the class started, ended and was closed (cmd 1), as far as the history says. */
interface ClassTimes {
	start?: number;
	end?: number;
	close?: number;
}

/** One stay in the classroom; `to` is missing while it is still open at the end of the history. */
interface Interval {
	from: number;
	to?: number;
}

interface Presence {
	userUuid: string;
	userName: string;
	role?: string;
	firstJoined?: number;
	lastLeft?: number;
	/** Since when the user is inside; undefined while outside. */
	inside?: number;
	intervals: Interval[];
	wasKicked: boolean;
}

/** The history once, in sequence order: an event read twice counts once. */
function inSequence(events: readonly AgoraEvent[]): AgoraEvent[] {
	const bySequence = new Map<number, AgoraEvent>();
	for (const event of events) bySequence.set(event.sequence, event);
	return [...bySequence.values()].sort((a, b) => a.sequence - b.sequence);
}

/** The first start, the last end and the last closing of the class; a state without its time is passed over. */
function classTimes(events: readonly AgoraEvent[]): ClassTimes {
	const times: ClassTimes = {};
	for (const event of events) {
		if (event.cmd !== AGORA_CMD.classState) continue;
		const state = integer(event.data.state);
		const key = CLASS_STATE_TIME[state ?? -1];
		const time = key === undefined ? undefined : event.data[key];
		if (!isEpochMillis(time)) continue;
		if (state === 1) times.start ??= time;
		else if (state === 2) times.end = time;
		else times.close = time;
	}
	return times;
}

/** The class ended at its end time; closing a class that was never ended also ends it. */
function classEnd(times: ClassTimes): number | undefined {
	return times.end ?? times.close;
}

function movementTime(movement: UserMovement): number | undefined {
	const time = movement.user.updateTime;
	return isEpochMillis(time) ? time : undefined;
}

/** One event's movements, by their own time (movements without one keep their place at the front). */
function byTime(movements: UserMovement[]): UserMovement[] {
	return movements
		.map((movement, index) => ({ movement, index, time: movementTime(movement) ?? 0 }))
		.sort((a, b) => a.time - b.time || a.index - b.index)
		.map(({ movement }) => movement);
}

function presenceOf(people: Map<string, Presence>, userUuid: string): Presence {
	let presence = people.get(userUuid);
	if (presence === undefined) {
		presence = { userUuid, userName: '', intervals: [], wasKicked: false };
		people.set(userUuid, presence);
	}
	return presence;
}

function move(presence: Presence, movement: UserMovement, times: ClassTimes): void {
	const { user } = movement;
	if (isNonEmptyString(user.userName)) presence.userName = user.userName;
	const role = normaliseRole(user.role);
	if (role !== undefined) presence.role = role.role;
	const leaving = movement.movement === 'left' || movement.movement === 'kicked';
	if (movement.movement === 'kicked') presence.wasKicked = true;
	const time = movementTime(movement);
	if (time === undefined) return;

	if (!leaving) {
		// A join, or a reconnect of someone not inside (counted as a join); inside already: no change.
		if (presence.inside === undefined) {
			presence.inside = time;
			presence.firstJoined ??= time;
		}
		return;
	}
	if (presence.inside !== undefined) {
		presence.intervals.push({ from: presence.inside, to: time });
		presence.inside = undefined;
	} else if (presence.intervals.length === 0 && times.start !== undefined && times.start <= time) {
		// Left without a join in the history: present since the class started.
		presence.intervals.push({ from: times.start, to: time });
		presence.firstJoined ??= times.start;
	}
	presence.lastLeft = time;
}

/**
 * Where a stay still open at the end of the history ends: at the class's end (or closing) if it
 * began before that, otherwise now.
 */
function openEnd(from: number, times: ClassTimes, now: number): number {
	for (const boundary of [times.end, times.close]) {
		if (boundary !== undefined && boundary >= from) return boundary;
	}
	return now;
}

function presentMillis(
	intervals: readonly Interval[],
	times: ClassTimes,
	classTimeOnly: boolean,
	now: number,
): number {
	let total = 0;
	for (const { from, to } of intervals) {
		let start = from;
		let end = to ?? openEnd(from, times, now);
		if (classTimeOnly) {
			if (times.start === undefined) continue;
			start = Math.max(start, times.start);
			end = Math.min(end, classEnd(times) ?? now);
		}
		total += Math.max(0, end - start);
	}
	return total;
}

function isoOrNull(millis: number | undefined): string | null {
	return millis === undefined ? null : epochMillisToIso(millis, AGORA_TIME_ZONE);
}

function byFirstJoin(a: Presence, b: Presence): number {
	if (a.firstJoined !== b.firstJoined) {
		if (a.firstJoined === undefined) return 1;
		if (b.firstJoined === undefined) return -1;
		return a.firstJoined - b.firstJoined;
	}
	return a.userUuid < b.userUuid ? -1 : a.userUuid > b.userUuid ? 1 : 0;
}

/**
 * Attendance from a classroom's event history: class state (cmd 1) and users in/out (cmd 20)
 * events, in any order, possibly some twice. One entry per user, ordered by first join, then
 * userUuid. Stays still open at the end of the history close at the class's end time, or now
 * while the class runs; movements without a time are passed over (the user is still listed).
 */
export function computeAttendance(
	roomUuid: string,
	events: readonly AgoraEvent[],
	{ roles, classTimeOnly }: AttendanceOptions,
): Attendance[] {
	const now = Date.now();
	const history = inSequence(events);
	const times = classTimes(history);
	const people = new Map<string, Presence>();
	for (const event of history) {
		if (event.cmd !== AGORA_CMD.usersInOut) continue;
		for (const movement of byTime(userMovements(event.data))) {
			const userUuid = movement.user.userUuid;
			if (isNonEmptyString(userUuid)) move(presenceOf(people, userUuid), movement, times);
		}
	}
	const classStartedAt = isoOrNull(times.start);
	const classEndedAt = isoOrNull(classEnd(times));
	return [...people.values()]
		.filter((presence) => isChosen(roles, presence.role ?? ''))
		.sort(byFirstJoin)
		.map((presence) => {
			const intervals: Interval[] =
				presence.inside === undefined
					? presence.intervals
					: [...presence.intervals, { from: presence.inside }];
			const millis = presentMillis(intervals, times, classTimeOnly, now);
			return {
				roomUuid,
				userUuid: presence.userUuid,
				userName: presence.userName,
				role: presence.role ?? null,
				firstJoinedAt: isoOrNull(presence.firstJoined),
				lastLeftAt: presence.inside === undefined ? isoOrNull(presence.lastLeft) : null,
				sessions: intervals.length,
				minutesPresent: Math.round(millis / 6000) / 10,
				wasKicked: presence.wasKicked,
				stillInClassroom: presence.inside !== undefined,
				classStartedAt,
				classEndedAt,
			};
		});
}
