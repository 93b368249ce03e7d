/**
 * A local stand-in for the Teachbase API v1 (127.0.0.1, port chosen by the OS), following
 * ../shared/docs/vendor-apis.md §1.
 *
 * - `POST /oauth/token` (client credentials) takes its parameters from the query string, a JSON
 *   body or a form body, with `scope` optional, as the real one does. Tokens are 64 hex
 *   characters and expire after `tokenLifetimeSeconds` (7200 like Teachbase, shorter in tests).
 *   Every token request is counted.
 * - Every `/endpoint/v1/…` call needs `Authorization: Bearer <token>` (or `?access_token=`) with a
 *   token that is issued and not expired, else 401.
 * - Lists are JSON arrays paged with `page` (from 1) and `per_page` (default 10, at most 100),
 *   with `Total` and `Per-Page` headers.
 * - Enrolling someone already in the session answers 403.
 *
 * Where the record is silent the fake makes a choice, marked "assumed" below.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';

import { FakeHttpServer } from './fakeHttpServer.mjs';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export const DEFAULT_PER_PAGE = 10;
export const MAX_PER_PAGE = 100;

export interface FakeTeachbaseOptions {
	clientId: string;
	clientSecret: string;
	/** 7200 like Teachbase unless a test wants tokens to run out during a run. */
	tokenLifetimeSeconds?: number;
	/** Clock in epoch milliseconds. */
	now?: () => number;
}

export interface FakeCourse extends JsonObject {
	id: number;
	name: string;
}

export interface FakeSession {
	id: number;
	courseId: number;
	name: string;
	active: boolean;
	participants: Set<number>;
}

export interface FakeUser extends JsonObject {
	id: number;
	email: string | null;
	phone: string | null;
	name: string | null;
	last_name: string | null;
	external_id: string | null;
}

export interface IssuedToken {
	token: string;
	issuedAt: number;
	expiresAt: number;
	/** How the client sent its parameters. */
	via: 'query' | 'json' | 'form';
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	body: unknown;
	/** The token the call carried, if any. */
	token?: string;
	/** When it arrived, in epoch milliseconds (the fake's clock). */
	at: number;
	status: number;
}

/** One planned misbehaviour for the next `times` requests whose path contains `match`. */
export interface Fault {
	match: string;
	times?: number;
	status: number;
	body?: Json;
}

class Reply {
	constructor(
		readonly status: number,
		readonly body: Json,
		readonly headers: Record<string, string> = {},
	) {}
}

export class FakeTeachbaseServer extends FakeHttpServer {
	readonly requests: RecordedRequest[] = [];
	readonly tokens: IssuedToken[] = [];
	readonly courses: FakeCourse[] = [];
	readonly sessions: FakeSession[] = [];
	readonly users: FakeUser[] = [];
	/** How many times /oauth/token was asked, including refused requests. */
	tokenRequests = 0;
	tokenLifetimeSeconds: number;
	/** Added to every API call (not token requests), so that a run of calls spans a token's lifetime. */
	apiDelayMs = 0;
	private readonly faults: Array<Fault & { remaining: number }> = [];
	private readonly revoked = new Set<string>();
	private nextUserId = 1001;

	private constructor(private readonly options: FakeTeachbaseOptions) {
		super();
		this.tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 7200;
	}

	static start(options: FakeTeachbaseOptions): Promise<FakeTeachbaseServer> {
		return new FakeTeachbaseServer(options).listen();
	}

	private now(): number {
		return this.options.now?.() ?? Date.now();
	}

	addCourse(name: string, extra: JsonObject = {}): FakeCourse {
		const course: FakeCourse = { ...extra, id: 100 + this.courses.length + 1, name };
		this.courses.push(course);
		return course;
	}

	addSession(courseId: number, name: string, active = true): FakeSession {
		const session: FakeSession = {
			id: 500 + this.sessions.length + 1,
			courseId,
			name,
			active,
			participants: new Set(),
		};
		this.sessions.push(session);
		return session;
	}

	addUser(email: string, extra: Partial<FakeUser> = {}): FakeUser {
		const user: FakeUser = {
			id: this.nextUserId++,
			email,
			phone: null,
			name: null,
			last_name: null,
			external_id: null,
			...extra,
		};
		this.users.push(user);
		return user;
	}

	inject(fault: Fault): void {
		this.faults.push({ ...fault, remaining: fault.times ?? 1 });
	}

	/** Makes every token issued so far invalid, as if Teachbase had revoked them. */
	revokeAllTokens(): void {
		for (const issued of this.tokens) this.revoked.add(issued.token);
	}

	/** API calls (not token requests) answered 401. */
	unauthorizedCalls(): RecordedRequest[] {
		return this.requests.filter((entry) => entry.path !== '/oauth/token' && entry.status === 401);
	}

	protected async handle(
		request: http.IncomingMessage,
		response: http.ServerResponse,
	): Promise<void> {
		const url = new URL(request.url ?? '/', 'http://fake');
		const raw = await new Promise<string>((resolve) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		});
		const contentType = String(request.headers['content-type'] ?? '');
		let body: unknown = undefined;
		if (raw !== '') {
			if (contentType.includes('application/x-www-form-urlencoded')) {
				body = Object.fromEntries(new URLSearchParams(raw));
			} else {
				try {
					body = JSON.parse(raw);
				} catch {
					body = raw;
				}
			}
		}
		const method = request.method ?? 'GET';
		const recorded: RecordedRequest = {
			method,
			path: url.pathname,
			query: url.searchParams,
			body,
			status: 0,
			at: this.now(),
		};
		this.requests.push(recorded);
		if (this.apiDelayMs > 0 && url.pathname.startsWith('/endpoint/')) {
			await new Promise((resolve) => setTimeout(resolve, this.apiDelayMs));
		}
		const reply = this.answer(method, url, body, contentType, request, recorded);
		recorded.status = reply.status;
		response.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
		response.end(JSON.stringify(reply.body));
	}

	private answer(
		method: string,
		url: URL,
		body: unknown,
		contentType: string,
		request: http.IncomingMessage,
		recorded: RecordedRequest,
	): Reply {
		const fault = this.faults.find(
			(entry) => entry.remaining > 0 && url.pathname.includes(entry.match),
		);
		if (fault !== undefined) {
			fault.remaining--;
			return new Reply(fault.status, fault.body ?? { error: 'injected fault' });
		}
		if (url.pathname === '/oauth/token') {
			if (method !== 'POST') return new Reply(404, { error: 'not found' });
			return this.issueToken(url, body, contentType);
		}
		if (!url.pathname.startsWith('/endpoint/v1/')) return new Reply(404, { error: 'not found' });

		const token = bearerOf(request, url);
		recorded.token = token;
		const issued = this.tokens.find((entry) => entry.token === token);
		if (issued === undefined || this.revoked.has(issued.token) || this.now() >= issued.expiresAt) {
			// The body of Teachbase's 401 is not in the record: Doorkeeper's usual one (assumed).
			return new Reply(401, {
				error: 'invalid_token',
				error_description: 'The access token is invalid or expired',
			});
		}
		const segments = url.pathname.slice('/endpoint/v1/'.length).split('/').map(decodeURIComponent);
		return this.route(method, segments, url.searchParams, body);
	}

	private issueToken(url: URL, body: unknown, contentType: string): Reply {
		this.tokenRequests++;
		let params: Record<string, unknown>;
		let via: IssuedToken['via'];
		if (isObject(body) && contentType.includes('json')) {
			params = body;
			via = 'json';
		} else if (isObject(body)) {
			params = body;
			via = 'form';
		} else {
			params = Object.fromEntries(url.searchParams);
			via = 'query';
		}
		if (params.grant_type !== 'client_credentials') {
			return new Reply(400, {
				error: 'unsupported_grant_type',
				error_description: 'The authorization grant type is not supported.',
			});
		}
		if (
			params.client_id !== this.options.clientId ||
			params.client_secret !== this.options.clientSecret
		) {
			// A fixture shows invalid_request; Doorkeeper's own code for a wrong secret is invalid_client.
			return new Reply(401, {
				error: 'invalid_client',
				error_description:
					'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
			});
		}
		const issuedAt = this.now();
		const token = randomBytes(32).toString('hex');
		this.tokens.push({
			token,
			issuedAt,
			expiresAt: issuedAt + this.tokenLifetimeSeconds * 1000,
			via,
		});
		return new Reply(200, {
			access_token: token,
			token_type: 'bearer',
			expires_in: this.tokenLifetimeSeconds,
			created_at: Math.floor(issuedAt / 1000),
			resource_owner_id: null,
		});
	}

	private route(method: string, segments: string[], query: URLSearchParams, body: unknown): Reply {
		const [first, second, third, fourth] = segments;
		if (method === 'GET' && first === '_ping' && segments.length === 1) {
			return new Reply(200, { status: 'ok' }); // body assumed
		}
		if (method === 'GET' && first === 'courses' && segments.length === 1) {
			const types = query.getAll('types[]').map(Number);
			const list = this.courses.filter(
				(course) =>
					types.length === 0 ||
					(Array.isArray(course.types) &&
						course.types.some((type) => isObject(type) && types.includes(Number(type.id)))),
			);
			return paged(list, query);
		}
		if (method === 'GET' && first === 'courses' && third === 'course_sessions' && !fourth) {
			const courseId = Number(second);
			if (!this.courses.some((course) => course.id === courseId)) {
				return new Reply(404, { error: 'Course not found' }); // body assumed
			}
			const participants = query.getAll('participant_ids[]').map(Number);
			const list = this.sessions.filter(
				(session) =>
					session.courseId === courseId &&
					(query.get('filter') !== 'active' || session.active) &&
					participants.every((id) => session.participants.has(id)),
			);
			return paged(
				list.map((session) => this.sessionJson(session, false)),
				query,
			);
		}
		if (method === 'GET' && first === 'course_sessions' && segments.length === 1) {
			const list = this.sessions.filter(
				(session) => query.get('filter') !== 'active' || session.active,
			);
			return paged(
				list.map((session) => this.sessionJson(session, true)),
				query,
			);
		}
		if (method === 'POST' && first === 'users' && second === 'create' && segments.length === 2) {
			return this.createUsers(body);
		}
		if (method === 'POST' && first === 'course_sessions' && third === 'register' && !fourth) {
			return this.register(Number(second), body);
		}
		return new Reply(404, { error: 'not found' });
	}

	private sessionJson(session: FakeSession, withCourse: boolean): JsonObject {
		const json: JsonObject = {
			id: session.id,
			name: session.name,
			slug: `session-${session.id}`,
			course_id: session.courseId,
			started_at: '2026-12-01T09:00:00+03:00',
			finished_at: null,
			infinitely: true,
			finished: !session.active,
			access_type: 'open',
			participants_count: session.participants.size,
		};
		const course = this.courses.find((entry) => entry.id === session.courseId);
		if (withCourse && course !== undefined) json.course = course;
		return json;
	}

	private createUsers(body: unknown): Reply {
		const users = isObject(body) && Array.isArray(body.users) ? body.users : undefined;
		if (users === undefined || users.length === 0) {
			return new Reply(400, { error: 'users is missing' });
		}
		const created: FakeUser[] = [];
		for (const entry of users) {
			if (!isObject(entry)) return new Reply(400, { error: 'users must be objects' });
			const email = typeof entry.email === 'string' ? entry.email : null;
			const phone = typeof entry.phone === 'string' ? entry.phone : null;
			if (email === null && phone === null) {
				return new Reply(400, { error: 'email or phone is required' });
			}
			if (email !== null && this.users.some((user) => user.email === email)) {
				// What Teachbase does with an email it already has is not in the record (assumed: refused).
				return new Reply(400, { error: `Email ${email} has already been taken` });
			}
			created.push(
				this.addUser(email ?? '', {
					email,
					phone,
					name: typeof entry.name === 'string' ? entry.name : null,
					last_name: typeof entry.last_name === 'string' ? entry.last_name : null,
					external_id: typeof entry.external_id === 'string' ? entry.external_id : null,
					labels: isObject(entry.labels) ? (entry.labels as JsonObject) : {},
					role_id: typeof entry.role_id === 'number' ? entry.role_id : 1,
					lang: typeof entry.lang === 'string' ? entry.lang : 'ru',
					is_active: !isObject(body) || !isObject(body.options) || body.options.activate !== false,
					created_at: new Date(this.now()).toISOString(),
				}),
			);
		}
		return new Reply(200, created);
	}

	private register(sessionId: number, body: unknown): Reply {
		const session = this.sessions.find((entry) => entry.id === sessionId);
		if (session === undefined) return new Reply(404, { errors: ['Course session not found'] });
		const params = isObject(body) ? body : {};
		const user =
			typeof params.user_id === 'number'
				? this.users.find((entry) => entry.id === params.user_id)
				: typeof params.email === 'string'
					? this.users.find((entry) => entry.email === params.email)
					: undefined;
		if (user === undefined) return new Reply(404, { errors: ['User not found'] }); // assumed
		if (session.participants.has(user.id)) {
			// The real body of this 403 is unknown; register's other errors use `errors` (assumed).
			return new Reply(403, { errors: ['User is already registered in this session'] });
		}
		session.participants.add(user.id);
		// The success body is unknown; a mock in the record reuses the session object (assumed).
		return new Reply(200, this.sessionJson(session, false));
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bearerOf(request: http.IncomingMessage, url: URL): string | undefined {
	const header = String(request.headers.authorization ?? '');
	const match = /^Bearer\s+(\S+)$/i.exec(header);
	return match?.[1] ?? url.searchParams.get('access_token') ?? undefined;
}

function paged(list: Json[], query: URLSearchParams): Reply {
	const page = Math.max(1, Number(query.get('page') ?? '1') || 1);
	const perPage = Math.min(
		MAX_PER_PAGE,
		Math.max(1, Number(query.get('per_page') ?? DEFAULT_PER_PAGE) || DEFAULT_PER_PAGE),
	);
	return new Reply(200, list.slice((page - 1) * perPage, page * perPage), {
		Total: String(list.length),
		'Per-Page': String(perPage),
	});
}
