/** The fake Teachbase server follows the reference: token forms, expiry, bearer checks, paging, 403. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { FakeTeachbaseServer } from '../../../support/fakes/teachbaseServer.mjs';

const CLIENT_ID = 'unit-client';
const CLIENT_SECRET = 'unit-secret';

let server: FakeTeachbaseServer;
let clock = Date.UTC(2026, 11, 1);

beforeAll(async () => {
	server = await FakeTeachbaseServer.start({
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		tokenLifetimeSeconds: 60,
		now: () => clock,
	});
});

afterAll(async () => {
	await server.stop();
});

beforeEach(() => {
	clock = Date.UTC(2026, 11, 1);
});

const credentials = {
	grant_type: 'client_credentials',
	client_id: CLIENT_ID,
	client_secret: CLIENT_SECRET,
};

async function tokenBy(via: 'query' | 'json' | 'form', params = credentials): Promise<Response> {
	if (via === 'query') {
		return await fetch(`${server.url}/oauth/token?${new URLSearchParams(params)}`, {
			method: 'POST',
		});
	}
	return await fetch(`${server.url}/oauth/token`, {
		method: 'POST',
		headers: {
			'Content-Type': via === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
		},
		body: via === 'json' ? JSON.stringify(params) : new URLSearchParams(params).toString(),
	});
}

async function token(): Promise<string> {
	const response = await tokenBy('form');
	return ((await response.json()) as { access_token: string }).access_token;
}

async function get(path: string, bearer?: string): Promise<Response> {
	return await fetch(`${server.url}/endpoint/v1/${path}`, {
		headers: bearer === undefined ? {} : { Authorization: `Bearer ${bearer}` },
	});
}

describe('fake Teachbase: tokens', () => {
	it.each(['query', 'json', 'form'] as const)(
		'issues a 64-hex bearer token to parameters sent by %s, with Doorkeeper fields',
		async (via) => {
			const before = server.tokenRequests;
			const response = await tokenBy(via);
			expect(response.status).toBe(200);
			const body = (await response.json()) as Record<string, unknown>;
			expect(body.access_token).toMatch(/^[0-9a-f]{64}$/);
			expect(body).toMatchObject({
				token_type: 'bearer',
				expires_in: 60,
				created_at: Math.floor(clock / 1000),
			});
			expect(server.tokenRequests).toBe(before + 1);
			expect(server.tokens.at(-1)?.via).toBe(via);
		},
	);

	it('refuses a wrong secret with 401, error and error_description, and counts the request', async () => {
		const before = server.tokenRequests;
		const response = await tokenBy('form', { ...credentials, client_secret: 'nope' });
		expect(response.status).toBe(401);
		const body = (await response.json()) as Record<string, unknown>;
		expect(body.error).toBe('invalid_client');
		expect(typeof body.error_description).toBe('string');
		expect(server.tokenRequests).toBe(before + 1);
	});

	it('accepts a token until it expires, then answers 401; revoked tokens too', async () => {
		const bearer = await token();
		expect((await get('_ping', bearer)).status).toBe(200);
		clock += 59_999;
		expect((await get('_ping', bearer)).status).toBe(200);
		clock += 1;
		expect((await get('_ping', bearer)).status).toBe(401);
		const fresh = await token();
		expect((await get('_ping', fresh)).status).toBe(200);
		server.revokeAllTokens();
		expect((await get('_ping', fresh)).status).toBe(401);
		expect((await get('_ping')).status).toBe(401);
		expect(
			(await fetch(`${server.url}/endpoint/v1/_ping?access_token=${await token()}`)).status,
		).toBe(200);
	});
});

describe('fake Teachbase: lists and enrolment', () => {
	it('pages with page/per_page (default 10, at most 100) and Total headers', async () => {
		const course = server.addCourse('Paging');
		for (let index = 0; index < 105; index++)
			server.addSession(course.id, `S${index}`, index < 100);
		const bearer = await token();
		const first = await get(`courses/${course.id}/course_sessions`, bearer);
		expect(((await first.json()) as unknown[]).length).toBe(10);
		expect(first.headers.get('total')).toBe('105');
		const big = await get(`courses/${course.id}/course_sessions?per_page=500&page=2`, bearer);
		expect(((await big.json()) as unknown[]).length).toBe(5);
		expect(big.headers.get('per-page')).toBe('100');
		const active = await get(
			`courses/${course.id}/course_sessions?filter=active&per_page=100`,
			bearer,
		);
		expect(active.headers.get('total')).toBe('100');
		const empty = await get(`courses/${course.id}/course_sessions?page=99`, bearer);
		expect(await empty.json()).toEqual([]);
	});

	it('answers 403 to a repeated enrolment, and 404 to an unknown user', async () => {
		const course = server.addCourse('Enrol');
		const session = server.addSession(course.id, 'Now');
		const user = server.addUser('ann@example.com');
		const bearer = await token();
		const enrol = async (body: unknown) =>
			await fetch(`${server.url}/endpoint/v1/course_sessions/${session.id}/register`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
				body: JSON.stringify(body),
			});
		expect((await enrol({ user_id: user.id })).status).toBe(200);
		const again = await enrol({ email: 'ann@example.com' });
		expect(again.status).toBe(403);
		expect(await again.json()).toEqual({ errors: ['User is already registered in this session'] });
		expect((await enrol({ email: 'who@example.com' })).status).toBe(404);
		expect(session.participants.has(user.id)).toBe(true);
	});

	it('creates users and answers with an array; an email it has is refused', async () => {
		const bearer = await token();
		const create = async (email: string) =>
			await fetch(`${server.url}/endpoint/v1/users/create`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
				body: JSON.stringify({ users: [{ email, external_id: 'X1', labels: { '1': '2' } }] }),
			});
		const created = await create('new@example.com');
		const body = (await created.json()) as Array<Record<string, unknown>>;
		expect(body).toEqual([
			expect.objectContaining({
				email: 'new@example.com',
				external_id: 'X1',
				labels: { '1': '2' },
			}),
		]);
		const repeated = await create('new@example.com');
		expect(repeated.status).toBe(400);
		expect(await repeated.json()).toEqual({
			error: 'Email new@example.com has already been taken',
		});
	});
});
