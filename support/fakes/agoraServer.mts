/**
 * A local stand-in for the Agora Flexible Classroom REST API (127.0.0.1, port chosen by the OS).
 *
 * It keeps real state — classrooms per region, users, recordings, a per-room event sequence, widget
 * event sequences and the app-wide polling queue — and answers in Agora's `{code, msg, ts, data}`
 * format with Agora's documented codes. Every request must carry `Authorization: agora token=…`
 * with an AccessToken2 app token whose signature verifies with the app certificate, for the App ID
 * in the path, not expired: otherwise 401. Tests can inject faults (HTTP errors, 429, slow answers,
 * malformed JSON, a room destroyed mid-stream) and count requests.
 *
 * Where Agora's documents are silent the fake makes a choice, marked "assumed" below.
 */
import http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

import { decodeAccessToken2, signatureIsValid } from './agoraTokenDecode.mjs';
import { FakeHttpServer } from './fakeHttpServer.mjs';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export const REGIONS = ['cn', 'ap', 'eu', 'na'] as const;
export const MAX_PAGE = 100;

export interface FakeEvent {
	roomUuid: string;
	cmd: number;
	sequence: number;
	version: number;
	data: JsonObject;
	fromUser?: JsonObject;
	operator?: JsonObject;
}

export interface FakeUser {
	userUuid: string;
	userName: string;
	role: number;
	userProperties: JsonObject;
}

export interface FakeRecording {
	recordId: string;
	state: number;
	startTime: number;
	endTime?: number;
	onhold: boolean;
	webRecordConfig?: JsonObject;
}

export interface FakeRoom {
	region: string;
	roomUuid: string;
	roomName: string;
	roomType: number;
	roomProperties: JsonObject;
	/** 0 not started, 1 in progress, 2 ended, 3 closed. */
	state: number;
	groupsOpen: boolean;
	groups: Json;
	users: Map<string, FakeUser>;
	recordings: FakeRecording[];
	events: FakeEvent[];
	widgetEvents: Map<string, FakeEvent[]>;
	nextSequence: number;
}

/** One planned misbehaviour, used by the next `times` requests that match. */
export interface Fault {
	/** Which requests: a substring of the decoded path, or a test; all requests when left out. */
	match?: string | ((request: RecordedRequest) => boolean);
	times?: number;
	/** Answer with this HTTP status and Agora error instead of serving the request. */
	status?: number;
	code?: number;
	msg?: string;
	/** Wait this long before answering (the request is still served unless another fault says otherwise). */
	delayMs?: number;
	/** Answer 200 with a body that is not JSON. */
	malformed?: boolean;
	/** Destroy this room (in the request's region) before serving the request. */
	destroyRoom?: string;
	/** Answer 200 with this as Agora's `data` instead of serving the request. */
	data?: Json;
}

export interface RecordedRequest {
	method: string;
	/** Path segments after the host, each decoded. */
	segments: string[];
	rawPath: string;
	query: URLSearchParams;
	body: unknown;
	authorized: boolean;
	status?: number;
}

export interface FakeAgoraOptions {
	appId: string;
	appCertificate: string;
	/** Clock in epoch milliseconds (tests may freeze it). */
	now?: () => number;
}

class Reply {
	constructor(
		readonly status: number,
		readonly body: JsonObject | string,
	) {}
}

export class FakeAgoraServer extends FakeHttpServer {
	readonly requests: RecordedRequest[] = [];
	private readonly rooms = new Map<string, FakeRoom>();
	private readonly faults: Array<Fault & { remaining: number }> = [];
	/** App-wide queue: events of every room, each handed out once. */
	private readonly pollingQueue: FakeEvent[] = [];
	private recordCounter = 0;

	private constructor(private readonly options: FakeAgoraOptions) {
		super();
	}

	static start(options: FakeAgoraOptions): Promise<FakeAgoraServer> {
		return new FakeAgoraServer(options).listen();
	}

	private now(): number {
		return this.options.now?.() ?? Date.now();
	}

	// ---- state for tests -------------------------------------------------------------------

	createRoom(
		region: string,
		roomUuid: string,
		fields: Partial<Pick<FakeRoom, 'roomName' | 'roomType' | 'roomProperties'>> = {},
	): FakeRoom {
		const room: FakeRoom = {
			region,
			roomUuid,
			roomName: fields.roomName ?? roomUuid,
			roomType: fields.roomType ?? 4,
			roomProperties: fields.roomProperties ?? {},
			state: 0,
			groupsOpen: false,
			groups: null,
			users: new Map(),
			recordings: [],
			events: [],
			widgetEvents: new Map(),
			nextSequence: 1,
		};
		this.rooms.set(roomKey(region, roomUuid), room);
		return room;
	}

	room(region: string, roomUuid: string): FakeRoom | undefined {
		return this.rooms.get(roomKey(region, roomUuid));
	}

	destroyRoom(region: string, roomUuid: string): void {
		this.rooms.delete(roomKey(region, roomUuid));
	}

	/** Appends an event to the room's sequence (and to the app-wide queue); returns it. */
	addEvent(
		region: string,
		roomUuid: string,
		cmd: number,
		data: JsonObject,
		extra: Pick<FakeEvent, 'fromUser' | 'operator'> = {},
	): FakeEvent {
		const room = this.requireRoom(region, roomUuid);
		const event: FakeEvent = {
			roomUuid,
			cmd,
			sequence: room.nextSequence++,
			version: 1,
			data,
			...extra,
		};
		room.events.push(event);
		this.pollingQueue.push(event);
		return event;
	}

	/** Appends a widget property change (cmd 1110) to the room and to that widget's own sequence. */
	addWidgetEvent(
		region: string,
		roomUuid: string,
		widgetUuid: string,
		data: JsonObject,
		extra: Pick<FakeEvent, 'fromUser' | 'operator'> = {},
	): FakeEvent {
		const event = this.addEvent(region, roomUuid, 1110, { widgetUuid, ...data }, extra);
		const room = this.requireRoom(region, roomUuid);
		const list = room.widgetEvents.get(widgetUuid) ?? [];
		list.push(event);
		room.widgetEvents.set(widgetUuid, list);
		return event;
	}

	addUser(
		region: string,
		roomUuid: string,
		user: Partial<FakeUser> & { userUuid: string },
	): FakeUser {
		const room = this.requireRoom(region, roomUuid);
		const full: FakeUser = { userName: user.userUuid, role: 2, userProperties: {}, ...user };
		room.users.set(full.userUuid, full);
		this.addEvent(region, roomUuid, 20, {
			total: 1,
			onlineUsers: [
				{
					userUuid: full.userUuid,
					userName: full.userName,
					role: String(full.role),
					userProperties: full.userProperties,
					streamUuid: '',
					type: 1,
					updateTime: this.now(),
				},
			],
			offlineUsers: [],
		});
		return full;
	}

	inject(fault: Fault): void {
		this.faults.push({ ...fault, remaining: fault.times ?? 1 });
	}

	clearFaults(): void {
		this.faults.length = 0;
	}

	/** How many requests arrived, optionally only those whose decoded path contains `pathPart`. */
	requestCount(pathPart?: string): number {
		return this.requests.filter(
			(request) => pathPart === undefined || request.segments.join('/').includes(pathPart),
		).length;
	}

	private requireRoom(region: string, roomUuid: string): FakeRoom {
		const room = this.room(region, roomUuid);
		if (room === undefined) throw new Error(`fake Agora: no room ${region}/${roomUuid}`);
		return room;
	}

	// ---- HTTP ------------------------------------------------------------------------------

	protected async handle(
		request: http.IncomingMessage,
		response: http.ServerResponse,
	): Promise<void> {
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const rawPath = url.pathname;
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const text = Buffer.concat(chunks).toString('utf8');
		let body: unknown;
		try {
			body = text === '' ? undefined : JSON.parse(text);
		} catch {
			body = text;
		}
		const recorded: RecordedRequest = {
			method: request.method ?? 'GET',
			segments: rawPath
				.split('/')
				.filter((part) => part !== '')
				.map((part) => decodeURIComponent(part)),
			rawPath,
			query: url.searchParams,
			body,
			authorized: false,
		};
		this.requests.push(recorded);

		const reply = await this.answer(recorded, request.headers.authorization);
		recorded.status = reply.status;
		if (response.destroyed) return;
		const payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
		response.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8' });
		response.end(payload);
	}

	private error(status: number, code: number, msg: string): Reply {
		return new Reply(status, { code, msg, ts: this.now() });
	}

	private ok(data: Json): Reply {
		return new Reply(200, { code: 0, msg: 'Success', ts: this.now(), data });
	}

	private async answer(
		request: RecordedRequest,
		authorization: string | undefined,
	): Promise<Reply> {
		const [region, edu, kind, ...rest] = request.segments;
		const polling = kind === 'polling';
		const [apps, appId, version, ...path] = polling ? rest : [kind, ...rest];
		if (
			!REGIONS.includes(region as (typeof REGIONS)[number]) ||
			edu !== 'edu' ||
			apps !== 'apps' ||
			version !== 'v2'
		) {
			return this.error(404, 404, 'Not Found');
		}
		const authProblem = this.authProblem(authorization, appId);
		if (authProblem !== undefined) return this.error(401, 401, authProblem); // assumed body shape
		request.authorized = true;

		const fault = this.takeFault(request);
		if (fault?.delayMs !== undefined) await delay(fault.delayMs);
		if (fault?.destroyRoom !== undefined) this.destroyRoom(region, fault.destroyRoom);
		if (fault?.malformed === true)
			return new Reply(200, '{"code":0,"msg":"Success","data":{"list":[');
		if (fault?.data !== undefined) return this.ok(fault.data);
		if (fault?.status !== undefined) {
			return this.error(
				fault.status,
				fault.code ?? fault.status,
				fault.msg ?? (fault.status === 429 ? 'Too Many Requests' : 'Internal Server Error'),
			);
		}

		if (polling) return this.pollQueue(request, path);
		return this.route(request, region, path);
	}

	private authProblem(authorization: string | undefined, appId: string): string | undefined {
		const match = /^agora token=(\S+)$/.exec(authorization ?? '');
		if (match === null) return 'Missing Authorization: agora token=…';
		let token;
		try {
			token = decodeAccessToken2(match[1]);
		} catch {
			return 'Invalid token';
		}
		if (token.appId !== this.options.appId || appId !== this.options.appId) return 'Invalid App ID';
		if (!signatureIsValid(token, this.options.appCertificate)) return 'Invalid token signature';
		if ((token.issuedAt + token.expire) * 1000 < this.now()) return 'Token expired';
		const apaas = token.services.find((service) => service.type === 7);
		const appPrivilege = apaas?.privileges.get(3);
		if (appPrivilege === undefined || (token.issuedAt + appPrivilege) * 1000 < this.now())
			return 'Token lacks the app privilege';
		return undefined;
	}

	private takeFault(request: RecordedRequest): Fault | undefined {
		const index = this.faults.findIndex((fault) => {
			if (fault.match === undefined) return true;
			if (typeof fault.match === 'string') return request.segments.join('/').includes(fault.match);
			return fault.match(request);
		});
		if (index === -1) return undefined;
		const fault = this.faults[index];
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.faults.splice(index, 1);
		return fault;
	}

	private pollQueue(request: RecordedRequest, path: string[]): Reply {
		if (request.method !== 'GET' || path.join('/') !== 'rooms/sequences')
			return this.error(404, 404, 'Not Found');
		const count = Math.min(MAX_PAGE, positiveInt(request.query.get('count')) ?? MAX_PAGE);
		const list = this.pollingQueue.splice(0, count);
		return this.ok({
			total: list.length,
			count: list.length,
			list: list.map(eventJson),
			nextId: null,
		});
	}

	private route(request: RecordedRequest, region: string, path: string[]): Reply {
		const method = request.method;
		const [rooms, roomUuid, section, ...tail] = path;
		if (rooms !== 'rooms' || roomUuid === undefined) return this.error(404, 404, 'Not Found');
		const body = isObject(request.body) ? request.body : {};

		if (section === undefined && method === 'POST')
			return this.createRoomFromApi(region, roomUuid, body);
		const room = this.room(region, roomUuid);
		if (room === undefined) return this.error(404, 20404100, 'Room not exists!');

		const route = [section, ...tail].join('/');
		if (section === undefined && method === 'GET') return this.ok(roomJson(room));
		if (section === 'states' && tail.length === 1 && method === 'PUT')
			return this.setState(room, Number(tail[0]));
		if (route === 'properties' && (method === 'PUT' || method === 'DELETE'))
			return this.changeProperties(room.roomProperties, body, method);
		if (section === 'groups' && tail[0] === 'states' && tail.length === 2 && method === 'PUT') {
			room.groupsOpen = tail[1] === '1';
			room.groups = room.groupsOpen ? ((body.groups as Json) ?? []) : null;
			return this.ok(null);
		}
		if (section === 'users' && tail.length >= 1) return this.userRoute(room, tail, method, body);
		if (section === 'records') return this.recordRoute(room, request, tail, method, body);
		if (route === 'sequences' && method === 'GET') {
			const cmd = request.query.get('cmd');
			const events =
				cmd === null ? room.events : room.events.filter((event) => String(event.cmd) === cmd);
			return this.page(events, request.query);
		}
		if (section === 'widgets' && tail.length === 2 && tail[1] === 'sequences' && method === 'GET') {
			return this.page(room.widgetEvents.get(tail[0]) ?? [], request.query);
		}
		return this.error(404, 404, 'Not Found');
	}

	/** Events from `nextId` on (a sequence number), at most `count` (≤ 100); nextId of the rest or null. */
	private page(events: FakeEvent[], query: URLSearchParams): Reply {
		const from = positiveInt(query.get('nextId')) ?? 0;
		const count = Math.min(MAX_PAGE, positiveInt(query.get('count')) ?? MAX_PAGE);
		const remaining = events.filter((event) => event.sequence >= from);
		const list = remaining.slice(0, count);
		const next = remaining[count];
		return this.ok({
			total: events.length,
			count: list.length,
			list: list.map(eventJson),
			nextId: next === undefined ? null : String(next.sequence),
		});
	}

	private createRoomFromApi(region: string, roomUuid: string, body: JsonObject): Reply {
		if (this.room(region, roomUuid) !== undefined)
			return this.error(409, 30409000, 'Room already exists!'); // assumed code
		if (typeof body.roomName !== 'string' || ![0, 2, 4, 10].includes(Number(body.roomType))) {
			return this.error(400, 400, 'roomName and roomType (0, 2, 4 or 10) are required');
		}
		const room = this.createRoom(region, roomUuid, {
			roomName: body.roomName,
			roomType: Number(body.roomType),
			roomProperties: isObject(body.roomProperties) ? body.roomProperties : {},
		});
		return this.ok(roomJson(room));
	}

	private setState(room: FakeRoom, state: number): Reply {
		if (![0, 1, 2, 3].includes(state)) return this.error(400, 400, 'state must be 0, 1, 2 or 3');
		if (room.state === 3) return this.error(410, 30410100, 'Class is closed!');
		if (state === 1 && room.state === 1) return this.error(409, 30409100, 'Class already started!');
		if (room.state === 2 && state !== 3) return this.error(409, 30409101, 'Class already ended!');
		room.state = state;
		const timeKey =
			state === 1 ? 'startTime' : state === 2 ? 'endTime' : state === 3 ? 'closeTime' : undefined;
		this.addEvent(
			room.region,
			room.roomUuid,
			1,
			timeKey === undefined ? { state } : { state, [timeKey]: this.now() },
		);
		return this.ok(null);
	}

	private changeProperties(target: JsonObject, body: JsonObject, method: string): Reply {
		if (method === 'PUT') {
			if (!isObject(body.properties)) return this.error(400, 400, 'properties is required');
			Object.assign(target, body.properties);
		} else {
			if (!Array.isArray(body.properties))
				return this.error(400, 400, 'properties must be a list of keys');
			for (const key of body.properties) if (typeof key === 'string') delete target[key];
		}
		return this.ok(null);
	}

	private userRoute(room: FakeRoom, tail: string[], method: string, body: JsonObject): Reply {
		const [userUuid, action] = tail;
		const user = room.users.get(userUuid);
		if (user === undefined) return this.error(404, 20404200, 'User not exists!');
		if (action === undefined && tail.length === 1 && method === 'GET')
			return this.ok(userJson(user));
		if (action === 'properties' && tail.length === 2 && (method === 'PUT' || method === 'DELETE')) {
			return this.changeProperties(user.userProperties, body, method);
		}
		if (action === 'exit' && tail.length === 2 && method === 'POST') {
			room.users.delete(userUuid);
			this.addEvent(room.region, room.roomUuid, 20, {
				total: 1,
				onlineUsers: [],
				offlineUsers: [{ ...userJson(user), streamUuid: '', type: 2, updateTime: this.now() }],
			});
			return this.ok(null);
		}
		return this.error(404, 404, 'Not Found');
	}

	private recordRoute(
		room: FakeRoom,
		request: RecordedRequest,
		tail: string[],
		method: string,
		body: JsonObject,
	): Reply {
		const current = room.recordings.find((recording) => recording.state === 1);
		if (tail.length === 0 && method === 'GET') {
			const from = positiveInt(request.query.get('nextId')) ?? 0;
			const all = room.recordings
				.map((recording, index) => ({ index, recording }))
				.filter(({ index }) => index >= from);
			const list = all.slice(0, MAX_PAGE);
			const next = all[MAX_PAGE];
			return this.ok({
				total: room.recordings.length,
				list: list.map(({ recording }) => recordingJson(room, recording)),
				nextId: next === undefined ? null : String(next.index),
			});
		}
		if (tail[0] !== 'states' || tail.length !== 2) return this.error(404, 404, 'Not Found');
		const target = tail[1];
		if (method === 'PUT' && target === '1') {
			if (current !== undefined) return this.error(409, 30409411, 'Room is already recording!');
			const recording: FakeRecording = {
				recordId: `record-${++this.recordCounter}`,
				state: 1,
				startTime: this.now(),
				onhold: isObject(body.webRecordConfig) && body.webRecordConfig.onhold === true,
				webRecordConfig: isObject(body.webRecordConfig) ? body.webRecordConfig : undefined,
			};
			room.recordings.push(recording);
			this.addEvent(room.region, room.roomUuid, 1001, {
				recordId: recording.recordId,
				sid: `sid-${recording.recordId}`,
				resourceId: `resource-${recording.recordId}`,
				state: 1,
				startTime: recording.startTime,
			});
			return this.ok(recordingJson(room, recording));
		}
		if (method === 'PUT' && target === '0') {
			if (current === undefined) return this.error(409, 30409410, 'Room is not recording!');
			current.state = 0;
			current.endTime = this.now();
			this.addEvent(room.region, room.roomUuid, 1001, {
				state: 0,
				startTime: current.startTime,
				endTime: current.endTime,
			});
			return this.ok(null);
		}
		if (method === 'PATCH' && target === '1') {
			if (current === undefined) return this.error(409, 30409410, 'Room is not recording!');
			const config = body.webRecordConfig;
			if (!isObject(config) || typeof config.onhold !== 'boolean')
				return this.error(400, 400, 'webRecordConfig.onhold is required');
			current.onhold = config.onhold;
			this.addEvent(room.region, room.roomUuid, 1001, {
				recordId: current.recordId,
				state: 1,
				startTime: current.startTime,
				onhold: current.onhold,
			});
			return this.ok(null);
		}
		return this.error(404, 404, 'Not Found');
	}
}

function roomKey(region: string, roomUuid: string): string {
	return `${region}\u0000${roomUuid}`;
}

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positiveInt(text: string | null): number | undefined {
	if (text === null || !/^\d+$/.test(text)) return undefined;
	return Number(text);
}

/** `json` followed by those of the `optional` fields that are set. */
function withOptional(json: JsonObject, optional: { [key: string]: Json | undefined }): JsonObject {
	const result = { ...json };
	for (const [key, value] of Object.entries(optional)) if (value !== undefined) result[key] = value;
	return result;
}

function eventJson(event: FakeEvent): JsonObject {
	return withOptional(
		{
			roomUuid: event.roomUuid,
			cmd: event.cmd,
			sequence: event.sequence,
			version: event.version,
			data: event.data,
		},
		{ fromUser: event.fromUser, operator: event.operator },
	);
}

function roomJson(room: FakeRoom): JsonObject {
	return {
		roomUuid: room.roomUuid,
		roomName: room.roomName,
		roomType: room.roomType,
		roomProperties: room.roomProperties,
		state: room.state,
		groupsOpen: room.groupsOpen,
		userCount: room.users.size,
	};
}

function userJson(user: FakeUser): JsonObject {
	return {
		userUuid: user.userUuid,
		userName: user.userName,
		role: user.role,
		userProperties: user.userProperties,
	};
}

function recordingJson(room: FakeRoom, recording: FakeRecording): JsonObject {
	return withOptional(
		{
			roomUuid: room.roomUuid,
			recordId: recording.recordId,
			state: recording.state,
			startTime: recording.startTime,
			onhold: recording.onhold,
		},
		{ endTime: recording.endTime, webRecordConfig: recording.webRecordConfig },
	);
}
