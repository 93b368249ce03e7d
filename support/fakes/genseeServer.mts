/**
 * A local stand-in for Gensee's integration API (127.0.0.1, port chosen by the OS), following
 * ../shared/docs/vendor-apis.md §2:
 *
 * - `/integration/site/{training|webcast}/<endpoint>`, GET with a query string or POST with a
 *   form body; every answer is HTTP 200 with `{code, message, …data at the top level}`, `code`
 *   a JSON string ("0" success).
 * - `loginName` + `password` on every call; with `sec=true` the password is the MD5 hex of the
 *   real one (either case). A wrong login answers code "200".
 * - Exports (`export/history`, `export/qa`, `export/rollcall`) take `startTime`/`endTime` as
 *   `yyyy-MM-dd HH:mm:ss` in China Standard Time, both ends inclusive, and refuse a window over
 *   7 days. They do not page (no client pages them). Attendance is filtered by join time, Q&A by
 *   submit time, roll calls by start time.
 *
 * Where the reference says unknown, the fake makes a choice, marked "assumed": the code for a bad
 * window ("101"), the code for a missing room on export ("501"), the Q&A key (`list` on training,
 * `qaList` on webcast), and that a call without a window is refused here (the real server would
 * export the most recently ended session, which the node never asks for).
 */
import { createHash } from 'node:crypto';
import http from 'node:http';

import { FakeHttpServer } from './fakeHttpServer.mjs';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export type SiteKind = 'training' | 'webcast';

export const MAX_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export interface FakeGenseeOptions {
	loginName: string;
	password: string;
}

export interface RecordedCall {
	method: string;
	siteKind: SiteKind | undefined;
	/** e.g. `export/history`. */
	endpoint: string;
	/** Every parameter except the password. */
	params: Record<string, string>;
	authorized: boolean;
	/** Gensee's code in the answer; undefined when the answer was not Gensee's JSON. */
	code?: string;
}

export interface FakeRoom {
	kind: SiteKind;
	id: string;
	number: string;
	fields: JsonObject;
}

/** One planned misbehaviour for the next `times` calls to `endpoint` (all endpoints when left out). */
export interface GenseeFault {
	endpoint?: string;
	times?: number;
	/** Answer with this Gensee code and message. */
	code?: string;
	message?: string;
	/** Answer 200 with exactly this body (any shape) instead. */
	body?: JsonObject;
	/** Answer with this HTTP status and an HTML page instead. */
	status?: number;
}

class Answer {
	constructor(
		readonly status: number,
		readonly body: JsonObject | string,
	) {}
}

function ok(data: JsonObject = {}): Answer {
	return new Answer(200, { code: '0', message: 'success', ...data });
}

function fail(code: string, message: string): Answer {
	return new Answer(200, { code, message });
}

/** `yyyy-MM-dd HH:mm:ss` in China Standard Time → epoch ms; undefined when not in that format. */
export function parseChinaTime(text: string): number | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
	if (!match) return undefined;
	const [, y, mo, d, h, mi, s] = match.map(Number);
	return Date.UTC(y, mo - 1, d, h, mi, s) - CHINA_OFFSET_MS;
}

export function formatChinaTime(millis: number): string {
	return new Date(millis + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

export function md5Hex(text: string): string {
	return createHash('md5').update(text, 'utf8').digest('hex');
}

/** Each site's endpoints that create, describe and delete a room, and the tokens a new room has. */
const ROOM_ENDPOINTS: Record<
	SiteKind,
	{ create: string; info: string; remove: string; tokens: string[] }
> = {
	training: {
		create: 'room/created',
		info: 'room/info',
		remove: 'room/deleted',
		tokens: ['teacherToken', 'assistantToken', 'studentToken', 'studentClientToken'],
	},
	webcast: {
		create: 'created',
		info: 'setting/info',
		remove: 'deleted',
		tokens: ['organizerToken', 'panelistToken', 'attendeeToken'],
	},
};

/** A roll call's export record as Gensee keeps it: the counts follow from who answered. */
export function rollCallRecord(
	startTime: number,
	endTime: number,
	users: Array<{ id: number; name: string; present: boolean }>,
): JsonObject {
	const present = users.filter((user) => user.present).length;
	return {
		startTime,
		endTime,
		total: users.length,
		present,
		absent: users.length - present,
		users: users.map((user) => ({ ...user, present: String(user.present) })),
	};
}

export class FakeGenseeServer extends FakeHttpServer {
	readonly requests: RecordedCall[] = [];
	private readonly rooms = new Map<string, FakeRoom>();
	private readonly visits = new Map<string, JsonObject[]>();
	private readonly questions = new Map<string, JsonObject[]>();
	private readonly rollCalls = new Map<string, JsonObject[]>();
	private readonly disabled = new Set<string>();
	private readonly faults: Array<GenseeFault & { remaining: number }> = [];
	private counter = 0;

	private constructor(private readonly options: FakeGenseeOptions) {
		super();
	}

	/** The genseeApi credential that signs in to this fake: a training site, plain password. */
	credentialData(overrides: Record<string, string> = {}): Record<string, string> {
		return {
			site: this.url,
			siteKind: 'training',
			loginName: this.options.loginName,
			password: this.options.password,
			sec: 'plain',
			timeZone: 'Asia/Shanghai',
			...overrides,
		};
	}

	static start(options: FakeGenseeOptions): Promise<FakeGenseeServer> {
		return new FakeGenseeServer(options).listen();
	}

	// ---- state for tests -------------------------------------------------------------------

	createRoom(kind: SiteKind, id: string, fields: JsonObject = {}): FakeRoom {
		const room: FakeRoom = { kind, id, number: String(10_000_000 + ++this.counter), fields };
		this.rooms.set(id, room);
		return room;
	}

	room(id: string): FakeRoom | undefined {
		return this.rooms.get(id);
	}

	/** Adds a visit (`uid`, `nickname`, `joinTime`, `leaveTime` in ms, …) to a room or webcast. */
	addVisit(id: string, visit: JsonObject): void {
		this.listOf(this.visits, id).push(visit);
	}

	addQuestion(id: string, question: JsonObject): void {
		this.listOf(this.questions, id).push(question);
	}

	addRollCall(id: string, rollCall: JsonObject): void {
		this.listOf(this.rollCalls, id).push(rollCall);
	}

	/** Switches an endpoint off: it answers code "600", as when the site admin disabled the API. */
	disable(endpoint: string): void {
		this.disabled.add(endpoint);
	}

	inject(fault: GenseeFault): void {
		this.faults.push({ ...fault, remaining: fault.times ?? 1 });
	}

	/** Calls to an endpoint (all endpoints when left out), optionally only authorised ones. */
	calls(endpoint?: string, { authorizedOnly = false } = {}): RecordedCall[] {
		return this.requests.filter(
			(call) =>
				(endpoint === undefined || call.endpoint === endpoint) &&
				(!authorizedOnly || call.authorized),
		);
	}

	/** How many calls each endpoint received. */
	callCounts(): Record<string, number> {
		const counts: Record<string, number> = {};
		for (const call of this.requests) counts[call.endpoint] = (counts[call.endpoint] ?? 0) + 1;
		return counts;
	}

	private listOf(map: Map<string, JsonObject[]>, id: string): JsonObject[] {
		let list = map.get(id);
		if (list === undefined) {
			list = [];
			map.set(id, list);
		}
		return list;
	}

	// ---- HTTP --------------------------------------------------------------------------------

	protected async handle(
		request: http.IncomingMessage,
		response: http.ServerResponse,
	): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const url = new URL(request.url ?? '/', 'http://fake');
		const params = new URLSearchParams(url.search);
		const type = request.headers['content-type'] ?? '';
		if (request.method === 'POST' && type.includes('application/x-www-form-urlencoded')) {
			for (const [key, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8')))
				params.set(key, value);
		}
		const match = /^\/integration\/site\/(training|webcast)\/(.+)$/.exec(url.pathname);
		const siteKind = match ? (match[1] as SiteKind) : undefined;
		const endpoint = match ? match[2] : url.pathname;
		const call: RecordedCall = {
			method: request.method ?? 'GET',
			siteKind,
			endpoint,
			params: Object.fromEntries([...params].filter(([key]) => key !== 'password')),
			authorized: this.authorized(params),
		};
		this.requests.push(call);
		const answer =
			siteKind === undefined
				? new Answer(404, '<html><body>404 Not Found</body></html>')
				: this.answer(siteKind, endpoint, params, call.authorized);
		if (typeof answer.body === 'object' && typeof answer.body.code === 'string')
			call.code = answer.body.code;
		const isJson = typeof answer.body === 'object';
		response.writeHead(answer.status, {
			'Content-Type': isJson ? 'application/json;charset=UTF-8' : 'text/html;charset=UTF-8',
		});
		response.end(isJson ? JSON.stringify(answer.body) : answer.body);
	}

	private authorized(params: URLSearchParams): boolean {
		const password = params.get('password') ?? '';
		if (params.get('loginName') !== this.options.loginName) return false;
		return params.get('sec') === 'true'
			? password.toLowerCase() === md5Hex(this.options.password)
			: password === this.options.password;
	}

	private takeFault(endpoint: string): GenseeFault | undefined {
		const index = this.faults.findIndex(
			(fault) => fault.endpoint === undefined || fault.endpoint === endpoint,
		);
		if (index === -1) return undefined;
		const fault = this.faults[index];
		if (--fault.remaining <= 0) this.faults.splice(index, 1);
		return fault;
	}

	private answer(
		kind: SiteKind,
		endpoint: string,
		params: URLSearchParams,
		authorized: boolean,
	): Answer {
		const fault = this.takeFault(endpoint);
		if (fault?.status !== undefined) return new Answer(fault.status, '<html>error</html>');
		if (fault?.body !== undefined) return new Answer(200, fault.body);
		if (fault?.code !== undefined) return fail(fault.code, fault.message ?? 'injected failure');
		if (!authorized) return fail('200', 'authentication failed');
		if (this.disabled.has(endpoint)) return fail('600', 'this API is disabled');
		const id = params.get(kind === 'training' ? 'roomId' : 'webcastId') ?? '';
		const rooms = ROOM_ENDPOINTS[kind];
		if (endpoint === rooms.create) return this.create(kind, params, rooms.tokens);
		if (endpoint === rooms.info) return this.info(kind, id);
		if (endpoint === rooms.remove) return this.remove(kind, id);
		switch (endpoint) {
			case 'export/history':
				return this.export(kind, id, params, this.visits, 'joinTime', 'list');
			case 'export/qa':
				// Assumed: training answers `list`, webcast `qaList` (seen in a webcast client).
				return this.export(
					kind,
					id,
					params,
					this.questions,
					'submitTime',
					kind === 'webcast' ? 'qaList' : 'list',
				);
			case 'export/rollcall':
				return this.export(kind, id, params, this.rollCalls, 'startTime', 'rollcall');
			default:
				return new Answer(404, '<html><body>404 Not Found</body></html>');
		}
	}

	private create(kind: SiteKind, params: URLSearchParams, tokenNames: string[]): Answer {
		const subject = params.get('subject') ?? '';
		if (subject === '') return fail('101', 'subject is required');
		for (const room of this.rooms.values()) {
			if (room.kind === kind && room.fields.subject === subject)
				return fail('502', 'subject already exists');
		}
		const [startKey, endKey] =
			kind === 'training' ? ['startDate', 'invalidDate'] : ['startTime', 'endTime'];
		const times: Record<string, number> = {};
		for (const key of [startKey, endKey]) {
			const value = params.get(key) ?? '';
			// Training takes epoch ms; webcast clients send ms or text (vendor-apis.md §2.4): both are taken.
			const millis = /^\d{11,14}$/.test(value)
				? Number(value)
				: kind === 'webcast'
					? parseChinaTime(value)
					: undefined;
			if (millis === undefined) return fail('102', `${key} cannot be converted`);
			times[key] = millis;
		}
		const tokens: JsonObject = {};
		const seen = new Set<string>();
		for (const name of tokenNames) {
			const token = params.get(name);
			if (token === null || token === '') continue;
			if (token.length < 6 || token.length > 15 || seen.has(token))
				return fail('101', `${name} is invalid`);
			seen.add(token);
			tokens[name] = token;
		}
		const id = `${kind === 'training' ? 'r' : 'w'}${(++this.counter).toString(36)}Qf2`;
		const base = `${this.url}/${kind}/`;
		const links: JsonObject =
			kind === 'training'
				? { teacherJoinUrl: `${base}t/${id}`, studentJoinUrl: `${base}s/${id}` }
				: {
						organizerJoinUrl: `${base}o/${id}`,
						panelistJoinUrl: `${base}p/${id}`,
						attendeeJoinUrl: `${base}a/${id}`,
						attendeeAShortJoinUrl: `${base}a/${id}`,
					};
		const fields: JsonObject = {
			subject,
			[startKey]: times[startKey],
			[endKey]: times[endKey],
			description: params.get('description') ?? '',
			...tokens,
			...links,
		};
		const room = this.createRoom(kind, id, fields);
		return ok({ id, number: room.number, ...tokens, ...links });
	}

	private info(kind: SiteKind, id: string): Answer {
		const room = this.rooms.get(id);
		if (room === undefined || room.kind !== kind) return fail('501', 'data does not exist');
		return ok({ id: room.id, number: room.number, ...room.fields });
	}

	private remove(kind: SiteKind, id: string): Answer {
		const room = this.rooms.get(id);
		if (room === undefined || room.kind !== kind) return fail('501', 'data does not exist');
		this.rooms.delete(id);
		return ok();
	}

	private export(
		kind: SiteKind,
		id: string,
		params: URLSearchParams,
		source: Map<string, JsonObject[]>,
		timeKey: string,
		listKey: string,
	): Answer {
		if (id === '') return fail('101', 'roomId is required');
		const startText = params.get('startTime');
		const endText = params.get('endTime');
		if (startText === null && endText === null)
			return fail('101', 'this fake needs startTime and endTime'); // assumed (see the header)
		const start = parseChinaTime(startText ?? '');
		const end = parseChinaTime(endText ?? '');
		if (start === undefined || end === undefined)
			return fail('102', 'time format is yyyy-MM-dd HH:mm:ss');
		if (start > end) return fail('101', 'startTime is after endTime');
		if (end - start > MAX_WINDOW_MS) return fail('101', 'the time span cannot exceed 7 days');
		const room = this.rooms.get(id);
		if (room === undefined || room.kind !== kind) return fail('501', 'data does not exist');
		const records = (source.get(id) ?? []).filter((record) => {
			const time = record[timeKey];
			return typeof time === 'number' && time >= start && time <= end;
		});
		return ok({ [listKey]: records });
	}
}
