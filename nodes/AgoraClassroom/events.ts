import { isRecord, type JsonRecord } from '../shared/guards';

export const AGORA_PLATFORM = 'agora';

/** Agora's event times are epoch milliseconds; items show them in UTC. */
export const AGORA_TIME_ZONE = 'UTC';

/** The event types (`cmd`) of Agora's event sync API. */
export const AGORA_CMD = {
	classState: 1,
	chatMessage: 3,
	usersInOut: 20,
	recordingState: 1001,
	recordingUploaded: 1002,
	cloudDriveChanged: 1003,
	rewardChanged: 1101,
	widgetChanged: 1110,
	stageChanged: 1501,
	handRaiseChanged: 1502,
} as const;

interface AgoraEventType {
	cmd: number;
	/** Label of the event type as a whole (option label). */
	name: string;
	description: string;
	/** The node panel's trigger entry. */
	action: string;
	/** The output's label on the canvas, short enough to show whole. */
	output: string;
}

export const AGORA_EVENT_TYPES: readonly AgoraEventType[] = [
	{
		cmd: 1,
		name: 'Class State Changed',
		description: 'The class started, ended or was closed',
		action: 'On class started or ended',
		output: 'Class',
	},
	{
		cmd: 3,
		name: 'Chat Message',
		description: 'A chat message was sent in the classroom',
		action: 'On chat message',
		output: 'Chat',
	},
	{
		cmd: 20,
		name: 'Users Joined or Left',
		description: 'Users joined, reconnected, left or were kicked out',
		action: 'On user joined or left',
		output: 'Users',
	},
	{
		cmd: 1001,
		name: 'Recording State Changed',
		description: 'Recording started, stopped, paused or resumed',
		action: 'On recording state changed',
		output: 'Recording',
	},
	{
		cmd: 1002,
		name: 'Recording Uploaded',
		description: 'A recorded file was uploaded',
		action: 'On recording uploaded',
		output: 'Upload',
	},
	{
		cmd: 1003,
		name: 'Cloud Drive Changed',
		description: 'Course resources in the cloud drive changed',
		action: 'On cloud drive changed',
		output: 'Drive',
	},
	{
		cmd: 1101,
		name: 'Reward Changed',
		description: 'Rewards (stars) given to users changed',
		action: 'On reward given',
		output: 'Reward',
	},
	{
		cmd: 1110,
		name: 'Widget Changed',
		description: 'A widget changed: pop-up quiz, poll or another widget',
		action: 'On quiz, poll or widget changed',
		output: 'Widget',
	},
	{
		cmd: 1501,
		name: 'Stage Changed',
		description: 'Users went on or off the stage',
		action: 'On stage changed',
		output: 'Stage',
	},
	{
		cmd: 1502,
		name: 'Hand Raise Changed',
		description: 'Users raised or lowered their hands',
		action: 'On hand raised or lowered',
		output: 'Hands',
	},
];

/** One entry of an event list, as Agora returns it. */
export interface AgoraEvent {
	roomUuid: string;
	cmd: number;
	sequence: number;
	version?: number;
	data: JsonRecord;
	fromUser?: JsonRecord;
	operator?: JsonRecord;
}

/** A whole number, or a string of one (Agora sends both). */
export function integer(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
	return undefined;
}

/** Reads one list entry; undefined when it lacks a numeric `cmd` or `sequence`. */
export function parseAgoraEvent(value: unknown): AgoraEvent | undefined {
	if (!isRecord(value)) return undefined;
	const cmd = integer(value.cmd);
	const sequence = integer(value.sequence);
	if (cmd === undefined || sequence === undefined) return undefined;
	const event: AgoraEvent = {
		roomUuid: typeof value.roomUuid === 'string' ? value.roomUuid : '',
		cmd,
		sequence,
		data: isRecord(value.data) ? value.data : {},
	};
	const version = integer(value.version);
	if (version !== undefined) event.version = version;
	if (isRecord(value.fromUser)) event.fromUser = value.fromUser;
	if (isRecord(value.operator)) event.operator = value.operator;
	return event;
}

export function agoraEventTypeName(cmd: number): string {
	return AGORA_EVENT_TYPES.find((type) => type.cmd === cmd)?.name ?? `Agora Event ${cmd}`;
}

/** The user lists of a users in/out event (cmd 20). */
export const USER_LISTS = ['onlineUsers', 'offlineUsers'] as const;

export type UserList = (typeof USER_LISTS)[number];

export type UserMovementKind = 'joined' | 'reconnected' | 'left' | 'kicked';

/** One user entry of a users in/out event (cmd 20), with what happened to that user. */
export interface UserMovement {
	list: UserList;
	movement: UserMovementKind;
	/** The entry as Agora sent it: userUuid, userName, role, updateTime, type… */
	user: JsonRecord;
}

const MOVEMENT_NAMES: Readonly<Record<UserMovementKind, string>> = {
	joined: 'User joined',
	reconnected: 'User reconnected',
	left: 'User left',
	kicked: 'User kicked',
};

/** Users in/out entries: `type` 1 joined / 2 reconnected when online, 1 left / 2 kicked when offline. */
export function userMovementKind(list: UserList, type: unknown): UserMovementKind {
	const kind = integer(type);
	if (list === 'onlineUsers') return kind === 2 ? 'reconnected' : 'joined';
	return kind === 2 ? 'kicked' : 'left';
}

export function userMovementName(movement: UserMovementKind): string {
	return MOVEMENT_NAMES[movement];
}

/** The user entries of a users in/out event's data, online users first; entries that are not objects are skipped. */
export function userMovements(data: JsonRecord): UserMovement[] {
	const movements: UserMovement[] = [];
	for (const list of USER_LISTS) {
		const users = data[list];
		if (!Array.isArray(users)) continue;
		for (const user of users)
			if (isRecord(user))
				movements.push({ list, movement: userMovementKind(list, user.type), user });
	}
	return movements;
}

/** The time field a class state event (cmd 1) carries: started → startTime, ended → endTime, closed → closeTime. */
export const CLASS_STATE_TIME: Readonly<Record<number, 'startTime' | 'endTime' | 'closeTime'>> = {
	1: 'startTime',
	2: 'endTime',
	3: 'closeTime',
};

export function classStateName(state: unknown): string {
	switch (integer(state)) {
		case 0:
			return 'Class not started';
		case 1:
			return 'Class started';
		case 2:
			return 'Class ended';
		case 3:
			return 'Class closed';
		default:
			return 'Class state changed';
	}
}

/** Recording state 1 is recording; 0 and 2 both mean it ended (Agora's sources disagree). */
export function recordingStateName(data: JsonRecord): string {
	const state = integer(data.state);
	if (state === 1) {
		if (data.onhold === true) return 'Recording paused';
		return 'Recording started';
	}
	if (state === 0 || state === 2) return 'Recording stopped';
	return 'Recording state changed';
}

function listLength(value: unknown): number {
	return Array.isArray(value) ? value.length : 0;
}

export function usersInOutName(data: JsonRecord): string {
	const names = new Set<string>();
	for (const list of USER_LISTS) {
		const users = data[list];
		if (!Array.isArray(users)) continue;
		for (const user of users)
			names.add(userMovementName(userMovementKind(list, isRecord(user) ? user.type : undefined)));
	}
	if (names.size === 1) return [...names][0];
	return 'Users joined or left';
}

export function handRaiseName(data: JsonRecord): string {
	if (listLength(data.addProgressUsers) > 0) return 'Hand raised';
	if (listLength(data.removeProgressUsers) > 0) return 'Hand lowered';
	return 'Hand raise changed';
}

export function stageName(data: JsonRecord): string {
	const added = listLength(data.addAcceptedUsers) > 0;
	const removed = listLength(data.removeAcceptedUsers) > 0;
	if (added && !removed) return 'Stage changed: users invited on stage';
	if (removed && !added) return 'Stage changed: users left the stage';
	return 'Stage changed';
}
