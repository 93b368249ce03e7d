/**
 * The Teachbase action node in a real n8n: manual workflows run with `n8n execute` against the fake
 * Teachbase server, which issues expiring OAuth tokens, checks every bearer token, pages its lists
 * and answers 403 to a repeated enrolment. Each `n8n execute` is its own process, so the token
 * n8n stored in the credential after one run is what the next run starts with.
 */
import { afterAll, describe, expect, it } from 'vitest';

import { FakeTeachbaseServer, type FakeSession } from '../../support/fakes/teachbaseServer.mjs';
import { executeSuite } from './harness/executeSuite.mjs';

const CLIENT_ID = 'tb-e2e-client-7f3a';
const CLIENT_SECRET = 'tb-e2e-secret-9c41d2e8b6';
const WRONG_SECRET = 'tb-e2e-wrong-secret-5a0e';
/** The person the people workflow creates, as Teachbase stores and returns them. */
const NEW_HIRE = {
	email: 'new.hire@example.com',
	name: 'Nina',
	last_name: 'Hire',
	phone: '+79001234567',
	external_id: 'HR-42',
	lang: 'en',
	labels: { '3': '12', '5': '20' },
};

let teachbase: FakeTeachbaseServer;
let bigCourse: number;
let smallCourse: number;
let participantId: number;
let onboarding: FakeSession;
let other: FakeSession;
let bulk: FakeSession;

/** The token requests answered since `from` (index into fake.tokens). */
const tokensSince = (from: number) => teachbase.tokens.slice(from);

const n8n = executeSuite({
	name: 'teachbase-actions',
	credentials: 'teachbaseActions.credentials.json',
	workflows: 'teachbaseActions.workflows.json',
	unfilled: '{{COURSE',
	async prepare() {
		teachbase = await FakeTeachbaseServer.start({
			clientId: CLIENT_ID,
			clientSecret: CLIENT_SECRET,
		});
		const big = teachbase.addCourse('Onboarding', { types: [{ id: 3, name: 'Induction' }] });
		const typed = teachbase.addCourse('Sales basics', { types: [{ id: 7, name: 'Sales' }] });
		const small = teachbase.addCourse('Compliance');
		bigCourse = big.id;
		smallCourse = small.id;
		// 130 sessions (120 active) make two pages of 100.
		for (let index = 1; index <= 130; index++) {
			const session = teachbase.addSession(big.id, `Onboarding wave ${index}`, index <= 120);
			if (index === 1) onboarding = session;
		}
		other = teachbase.addSession(typed.id, 'Sales basics, December');
		const withParticipant = teachbase.addSession(small.id, 'Compliance 2026');
		teachbase.addSession(small.id, 'Compliance 2025', false);
		const veteran = teachbase.addUser('veteran@example.com');
		participantId = veteran.id;
		withParticipant.participants.add(veteran.id);
		bulk = teachbase.addSession(small.id, 'Everyone');
		for (let index = 1; index <= 50; index++) teachbase.addUser(`bulk-${index}@example.com`);
		return {
			TEACHBASE_URL: teachbase.url,
			TEACHBASE_CLIENT_ID: CLIENT_ID,
			TEACHBASE_CLIENT_SECRET: CLIENT_SECRET,
			TEACHBASE_WRONG_SECRET: WRONG_SECRET,
			COURSE_BIG: String(bigCourse),
			COURSE_SMALL: String(smallCourse),
			PARTICIPANT_ID: String(participantId),
			SESSION_ONBOARDING: String(onboarding.id),
			SESSION_OTHER: String(other.id),
			SESSION_BULK: String(bulk.id),
		};
	},
});

afterAll(async () => {
	await teachbase?.stop();
});

describe('Teachbase node in n8n (n8n execute)', () => {
	it('lists courses and sessions, page by page, of a course or the account, with the active filter', async () => {
		const tokensBefore = teachbase.tokens.length;
		const { byNode: out, output } = await n8n.run('tbActCatalog0001');
		expect(out['All Courses']?.map((course) => course.name)).toEqual([
			'Onboarding',
			'Sales basics',
			'Compliance',
		]);
		expect(out['Courses Of Type']?.map((course) => course.name)).toEqual(['Sales basics']);
		const active = out['Sessions Active'] ?? [];
		expect(active).toHaveLength(120);
		expect(new Set(active.map((session) => session.id)).size).toBe(120);
		expect(out['Sessions All']).toHaveLength(130);
		expect(out['Sessions Limit']?.map((session) => session.name)).toEqual(
			[1, 2, 3, 4, 5].map((index) => `Onboarding wave ${index}`),
		);
		const account = out['Account Sessions'] ?? [];
		expect(account).toHaveLength(3);
		expect(account[0]).toMatchObject({ course: { id: bigCourse, name: 'Onboarding' } });
		expect(out['Sessions Of Participant']?.map((session) => session.name)).toEqual([
			'Compliance 2026',
		]);
		expect(out['Missing Course']?.[0]?.error).toBe('Teachbase answered HTTP 404: Course not found');
		expect(String(out['Missing Course']?.[0]?.description)).toContain('check the course');

		const calls = teachbase.requests.filter((request) =>
			request.path.endsWith(`/courses/${bigCourse}/course_sessions`),
		);
		const pages = calls.map((request) => [
			request.query.get('filter'),
			request.query.get('page'),
			request.query.get('per_page'),
		]);
		expect(pages).toEqual([
			['active', '1', '100'],
			['active', '2', '100'],
			[null, '1', '100'],
			[null, '2', '100'],
			[null, '1', '5'],
		]);
		expect(
			teachbase.requests
				.find((request) => request.query.getAll('types[]').length > 0)
				?.query.getAll('types[]'),
		).toEqual(['7']);
		// One token for the whole run, asked for with a form body; no call was refused.
		expect(tokensSince(tokensBefore).map((token) => token.via)).toEqual(['form']);
		expect(teachbase.unauthorizedCalls()).toEqual([]);
		expect(output).not.toContain(CLIENT_SECRET);
	}, 180_000);

	it('creates a person with external ID and labels, enrols them by ID and by email, and flags a repeated enrolment', async () => {
		const { byNode: out, output } = await n8n.run('tbActPeople00001');
		const created = out['Create User']?.[0];
		expect(created).toMatchObject(NEW_HIRE);
		const createCall = teachbase.requests.find((request) => request.path.endsWith('/users/create'));
		expect(createCall?.body).toEqual({
			users: [{ ...NEW_HIRE, role_id: 1, auth_type: 0 }],
			options: { activate: true, skip_notify_new_users: true },
		});
		const userId = created?.id;
		expect(typeof userId).toBe('number');
		expect(out['Enrol By ID']).toEqual([
			expect.objectContaining({
				sessionId: onboarding.id,
				userId,
				enrolled: true,
				alreadyEnrolled: false,
			}),
		]);
		expect(out['Enrol Again']?.[0]).toMatchObject({
			sessionId: onboarding.id,
			userId,
			enrolled: true,
			alreadyEnrolled: true,
			teachbaseMessage: 'User is already registered in this session',
		});
		expect(out['Enrol By Email']?.[0]).toMatchObject({
			sessionId: other.id,
			email: 'new.hire@example.com',
			alreadyEnrolled: false,
		});
		expect(other.participants.has(Number(userId))).toBe(true);
		expect(out['Create Same Email']?.[0]?.error).toBe(
			'Teachbase answered HTTP 400: Email new.hire@example.com has already been taken',
		);
		expect(out['Enrol Unknown']?.[0]?.error).toBe('Teachbase answered HTTP 404: User not found');
		expect(output).not.toContain(CLIENT_SECRET);
	}, 180_000);

	it('asks for exactly one token across 50 enrolments, and none in the next run while it is valid', async () => {
		const before = teachbase.tokenRequests;
		const { byNode: out } = await n8n.run('tbActBulkLong001');
		expect(out.Enrol).toHaveLength(50);
		expect(
			out.Enrol?.every((item) => item.enrolled === true && item.alreadyEnrolled === false),
		).toBe(true);
		expect(bulk.participants.size).toBe(50);
		expect(teachbase.tokenRequests - before).toBe(1);

		const again = await n8n.run('tbActBulkLong001');
		expect(again.byNode.Enrol?.every((item) => item.alreadyEnrolled === true)).toBe(true);
		expect(teachbase.tokenRequests - before).toBe(1);
		expect(teachbase.unauthorizedCalls()).toEqual([]);
	}, 240_000);

	it('replaces a token that runs out in the middle of a run: one request per expiry, no call refused', async () => {
		const lifetime = 1;
		teachbase.tokenLifetimeSeconds = lifetime;
		teachbase.apiDelayMs = 60;
		bulk.participants.clear();
		const from = teachbase.tokens.length;
		const requestsBefore = teachbase.tokenRequests;
		try {
			const { byNode: out } = await n8n.run('tbActBulkShort01');
			expect(out.Enrol).toHaveLength(50);
			expect(bulk.participants.size).toBe(50);
		} finally {
			teachbase.tokenLifetimeSeconds = 7200;
			teachbase.apiDelayMs = 0;
		}
		const issued = tokensSince(from);
		// 50 calls of at least 60 ms span 3 s or more, i.e. several lifetimes of 1 s.
		expect(issued.length).toBeGreaterThanOrEqual(3);
		expect(teachbase.tokenRequests - requestsBefore).toBe(issued.length);
		// A new token only once the previous one neared its end. The node counts from when it asked,
		// which on a busy machine is a few hundred ms before the fake's issue time, so gaps are held
		// to half a lifetime here (renewing on every call would give gaps of about 60 ms), and the
		// count to what the run's length allows.
		for (let index = 1; index < issued.length; index++) {
			expect(issued[index].issuedAt - issued[index - 1].issuedAt).toBeGreaterThanOrEqual(
				(lifetime * 1000) / 2,
			);
		}
		const registers = teachbase.requests.filter((request) =>
			request.path.endsWith(`/course_sessions/${bulk.id}/register`),
		);
		const span = (registers.at(-1)?.at ?? 0) - issued[0].issuedAt;
		expect(issued.length).toBeLessThanOrEqual(Math.ceil(span / (lifetime * 1000 - 100)) + 1);
		// …and every token was used, none after its end.
		const calls = teachbase.requests.filter(
			(request) => request.path.endsWith(`/course_sessions/${bulk.id}/register`) && request.token,
		);
		const used = new Set(calls.map((request) => request.token));
		for (const token of issued) expect(used.has(token.token)).toBe(true);
		expect(teachbase.unauthorizedCalls()).toEqual([]);
	}, 240_000);

	it('fetches a new token after a 401 and repeats the call once', async () => {
		teachbase.revokeAllTokens();
		const before = teachbase.tokenRequests;
		const refusedBefore = teachbase.unauthorizedCalls().length;
		const { byNode: out } = await n8n.run('tbActCatalog0001');
		expect(out['All Courses']).toHaveLength(3);
		expect(out['Sessions All']).toHaveLength(130);
		expect(teachbase.unauthorizedCalls().length - refusedBefore).toBe(1);
		expect(teachbase.tokenRequests - before).toBe(1);
	}, 180_000);

	it('says the Client ID or Client Secret is wrong, without showing the secret', async () => {
		const { byNode: out, output, succeeded } = await n8n.run('tbActWrongSec001');
		expect(succeeded).toBe(false);
		const failure = out['Get Courses']?.[0];
		expect(String(failure?.error)).toContain('Teachbase refused the Client ID or Client Secret');
		expect(String(failure?.error)).toContain('HTTP 401');
		expect(output).toContain('Teachbase refused the Client ID or Client Secret');
		expect(output).not.toContain(WRONG_SECRET);
		expect(output).not.toContain(CLIENT_SECRET);
	}, 180_000);
});
