/** The Teachbase action node's pieces: token requests, error texts, bodies, answers and paging. */
import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { TeachbaseApi } from '../../../credentials/TeachbaseApi.credentials';
import {
	createUserBody,
	createdUser,
	labelMap,
} from '../../../nodes/Teachbase/actions/user/create.operation';
import { readTeachbaseCredentials } from '../../../nodes/Teachbase/transport/credentials';
import { errorDetail, teachbaseErrorHint } from '../../../nodes/Teachbase/transport/errors';
import { listOf, teachbaseApiRequestAllItems } from '../../../nodes/Teachbase/transport/pagination';
import { apiPath, failureOf } from '../../../nodes/Teachbase/transport/request';
import {
	TeachbaseTokenError,
	refreshMarginMs,
	requestToken,
	tokenIsStale,
} from '../../../nodes/Teachbase/transport/token';
import { executeContext, testNode } from '../../../support/fakes/executeContext.mjs';
import { FakeTeachbaseServer } from '../../../support/fakes/teachbaseServer.mjs';

const CLIENT_ID = 'unit-client';
const CLIENT_SECRET = 'unit-secret-3b8e';

let server: FakeTeachbaseServer;

beforeAll(async () => {
	server = await FakeTeachbaseServer.start({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
});

afterAll(async () => {
	await server.stop();
});

/** n8n's httpRequest, reduced to what the token request uses: form or JSON body, full response. */
async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
	const headers: Record<string, string> = {};
	for (const [key, value] of Object.entries(options.headers ?? {})) headers[key] = String(value);
	const response = await fetch(options.url, {
		method: options.method ?? 'GET',
		headers,
		body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
	});
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// stays text
	}
	return { statusCode: response.status, body, headers: {} };
}

const helpers = { httpRequest } as unknown as IHttpRequestHelper['helpers'];

const saved = (overrides: ICredentialDataDecryptedObject = {}) =>
	readTeachbaseCredentials({
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		baseUrl: server.url,
		...overrides,
	});

describe('credential values', () => {
	it('trims values, drops trailing slashes and defaults the base URL', () => {
		expect(
			readTeachbaseCredentials({ clientId: ' a ', clientSecret: ' b ', baseUrl: 'http://h:1//' }),
		).toMatchObject({ clientId: 'a', clientSecret: 'b', baseUrl: 'http://h:1', accessToken: '' });
		expect(readTeachbaseCredentials({ clientId: 'a', clientSecret: 'b' }).baseUrl).toBe(
			'https://go.teachbase.ru',
		);
	});

	it('says what to fix: missing keys, a base URL with a path', () => {
		expect(() => readTeachbaseCredentials({ clientId: 'a', clientSecret: '' })).toThrow(
			/Client ID and Client Secret must both be filled in/,
		);
		expect(() =>
			readTeachbaseCredentials({ clientId: 'a', clientSecret: 'b', baseUrl: 'https://x/api' }),
		).toThrow(/base URL must look like/);
	});
});

describe('token', () => {
	it('gets a token with a form body and stores when to replace it', async () => {
		const now = Date.UTC(2026, 11, 1);
		const issued = await requestToken(helpers, saved(), () => now);
		expect(issued.accessToken).toBe(server.tokens.at(-1)?.token);
		expect(server.tokens.at(-1)?.via).toBe('form');
		expect(Number(issued.renewAt)).toBe(now + 7200_000 - 60_000);
	});

	it('the credential preAuthentication returns the hidden fields n8n saves', async () => {
		const credential = new TeachbaseApi();
		const output = await credential.preAuthentication.call(
			{ helpers },
			{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: server.url },
		);
		expect(Object.keys(output).sort()).toEqual(['accessToken', 'renewAt']);
		const hidden = credential.properties.find((property) => property.name === 'accessToken');
		expect(hidden).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
	});

	it('tells a wrong secret from an unreachable host, and never repeats the secret', async () => {
		const wrong = await requestToken(helpers, saved({ clientSecret: 'not-it-77' })).catch(
			(error: unknown) => error,
		);
		expect(wrong).toBeInstanceOf(TeachbaseTokenError);
		expect(String(wrong)).toContain('Teachbase refused the Client ID or Client Secret: HTTP 401');
		expect(String(wrong)).toContain('invalid_client');
		expect(String(wrong)).not.toContain('not-it-77');
		const closed = await FakeTeachbaseServer.start({ clientId: 'x', clientSecret: 'y' });
		const url = closed.url;
		await closed.stop();
		const unreachable = await requestToken(helpers, saved({ baseUrl: url })).catch(
			(error: unknown) => error,
		);
		expect(String(unreachable)).toContain(`Could not reach Teachbase at ${url}`);
		expect(unreachable).toMatchObject({ tokenStatus: 0 });
		expect(String(unreachable)).toContain('the connection was refused');
		expect(String(unreachable)).not.toContain('ECONNREFUSED');
	});

	it('renews 60 s early, or a tenth of a short lifetime', () => {
		expect(refreshMarginMs(7200)).toBe(60_000);
		expect(refreshMarginMs(2)).toBe(200);
		const base = saved({ accessToken: 't', renewAt: '1000' });
		expect(tokenIsStale(base, 999)).toBe(false);
		expect(tokenIsStale(base, 1000)).toBe(true);
		expect(tokenIsStale(saved({ accessToken: '' }), 0)).toBe(true);
		expect(tokenIsStale(saved({ accessToken: 't' }), Number.MAX_SAFE_INTEGER)).toBe(false);
	});
});

describe('answers and errors', () => {
	it("reads Teachbase's error bodies in all their shapes", () => {
		expect(errorDetail({ error: 'Email is invalid' })).toBe('Email is invalid');
		expect(errorDetail({ errors: ['a', 'b'] })).toBe('a, b');
		expect(errorDetail({ error: 'invalid_client', error_description: 'bad' })).toBe(
			'invalid_client, bad',
		);
		expect(errorDetail({ errors: { email: ['is taken'] } })).toBe('email is taken');
		expect(errorDetail('<html>oops</html>')).toBeUndefined();
		expect(errorDetail({})).toBeUndefined();
		expect(teachbaseErrorHint({ status: 0 })).toContain('could not be reached');
	});

	it("finds the status and body in n8n's wrapped errors", () => {
		const axiosLike = Object.assign(new Error('Request failed with status code 404'), {
			response: { status: 404, data: { error: 'nope' } },
		});
		expect(failureOf(axiosLike)).toMatchObject({ status: 404, body: { error: 'nope' } });
		const wrapped = Object.assign(new Error('The resource you are requesting could not be found'), {
			httpCode: '404',
			context: { data: { error: 'nope' } },
		});
		expect(failureOf(wrapped)).toMatchObject({ status: 404, body: { error: 'nope' } });
		expect(failureOf(new Error('ECONNREFUSED', { cause: axiosLike })).status).toBe(404);
		expect(failureOf(new Error('ECONNREFUSED')).status).toBe(0);
	});

	it('accepts a bare list or a wrapped one, and nothing else', () => {
		expect(listOf([{ id: 1 }, 'x'])).toEqual([{ id: 1 }]);
		expect(listOf({ data: [{ id: 2 }] })).toEqual([{ id: 2 }]);
		expect(listOf({ id: 3 })).toBeUndefined();
	});

	it('encodes path segments and refuses empty or dot IDs', () => {
		expect(apiPath(['courses', 12, 'course_sessions'])).toBe(
			'/endpoint/v1/courses/12/course_sessions',
		);
		expect(() => apiPath(['courses', '..'])).toThrow();
	});
});

describe('User → Create', () => {
	it('builds the users/create body with only what was given', () => {
		expect(
			createUserBody(
				'a@example.com',
				{
					name: ' Ann ',
					externalId: 'HR-1',
					lang: 'en',
					labels: {
						label: [
							{ labelId: '3', valueId: '12' },
							{ labelId: '', valueId: '1' },
						],
					},
				},
				{ verifyEmails: false, externalLabels: true },
			),
		).toEqual({
			users: [
				{
					email: 'a@example.com',
					name: 'Ann',
					external_id: 'HR-1',
					lang: 'en',
					role_id: 1,
					auth_type: 0,
					labels: { '3': '12' },
				},
			],
			options: { verify_emails: false },
			external_labels: true,
		});
		expect(labelMap(undefined)).toEqual({});
	});

	it('takes the created user from the array, else keeps the answer under raw', () => {
		expect(
			createdUser(
				[
					{ id: 1, email: 'x@e.com' },
					{ id: 2, email: 'A@e.com' },
				],
				'a@e.com',
			),
		).toEqual({
			id: 2,
			email: 'A@e.com',
		});
		expect(createdUser({ id: 5 }, '')).toEqual({ id: 5 });
		expect(createdUser({ status: 'queued' }, 'a@e.com')).toEqual({
			created: true,
			raw: { status: 'queued' },
		});
		expect(createdUser(undefined, 'a@e.com')).toEqual({ created: true });
	});
});

describe('paging', () => {
	const node = testNode('tb', 'Teachbase', 'teachbase');

	/** A context whose authenticated requests carry a real token from the fake. */
	async function contextWithToken(): Promise<IExecuteFunctions> {
		const { accessToken } = await requestToken(helpers, saved());
		const httpRequestWithAuthentication = async (_type: string, options: IHttpRequestOptions) => {
			const url = new URL(options.url);
			for (const [key, value] of Object.entries(options.qs ?? {})) {
				if (Array.isArray(value))
					for (const entry of value) url.searchParams.append(`${key}[]`, String(entry));
				else url.searchParams.set(key, String(value));
			}
			const response = await fetch(url, { headers: { Authorization: `Bearer ${accessToken}` } });
			const headers = Object.fromEntries(response.headers.entries());
			return { statusCode: response.status, body: await response.json(), headers };
		};
		return executeContext({
			node,
			credentials: {
				clientId: CLIENT_ID,
				clientSecret: CLIENT_SECRET,
				baseUrl: server.url,
				accessToken,
			},
			http: httpRequestWithAuthentication,
		});
	}

	it('walks pages of 100 until a short page, or asks for just the limit', async () => {
		const course = server.addCourse('Many');
		for (let index = 0; index < 230; index++) server.addSession(course.id, `S${index}`);
		const context = await contextWithToken();
		const path = ['courses', course.id, 'course_sessions'];
		const from = server.requests.length;
		const all = await teachbaseApiRequestAllItems.call(context, path, {}, { returnAll: true });
		expect(all).toHaveLength(230);
		const pages = server.requests.slice(from).map((request) => request.query.get('page'));
		expect(pages).toEqual(['1', '2', '3']);
		const some = await teachbaseApiRequestAllItems.call(
			context,
			path,
			{},
			{ returnAll: false, limit: 7 },
		);
		expect(some.map((session) => session.name)).toEqual(['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6']);
		expect(server.requests.at(-1)?.query.get('per_page')).toBe('7');
	});

	it('stops on the Total header when a full last page ends the list', async () => {
		const course = server.addCourse('Exact');
		for (let index = 0; index < 200; index++) server.addSession(course.id, `E${index}`);
		const context = await contextWithToken();
		const from = server.requests.length;
		const all = await teachbaseApiRequestAllItems.call(
			context,
			['courses', course.id, 'course_sessions'],
			{},
			{ returnAll: true },
		);
		expect(all).toHaveLength(200);
		expect(server.requests.length - from).toBe(2);
	});
});
