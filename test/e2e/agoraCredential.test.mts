/**
 * The agoraClassroomApi credential inside a real n8n: n8n's own credential test (the "Test" step
 * when saving a credential) run through its REST API against the fake Agora server, which verifies
 * every token's signature.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FakeAgoraServer } from '../../support/fakes/agoraServer.mjs';
import { startN8n, type RunningN8n } from '../../support/startN8n.mjs';
import { APP_ID, CERTIFICATE } from '../../support/fakes/agoraApp.mjs';

const BROWSER_ID = 'agora-credential-e2e';

let n8n: RunningN8n;
let agora: FakeAgoraServer;
let cookie = '';

beforeAll(async () => {
	agora = await FakeAgoraServer.start({ appId: APP_ID, appCertificate: CERTIFICATE });
	n8n = await startN8n({ credentials: [], workflows: [], substitutions: {}, webhooks: [] });
	// /healthz answers before the REST API is ready ("n8n is starting up", then 404 until its routes exist).
	let setup: Response | undefined;
	for (let attempt = 0; attempt < 120; attempt++) {
		setup = await fetch(`${n8n.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'browser-id': BROWSER_ID },
			body: JSON.stringify({
				email: 'owner@example.com',
				firstName: 'Test',
				lastName: 'Owner',
				password: 'Passw0rd-Agora-e2e',
			}),
		});
		if (setup.status !== 404 && !(await setup.clone().text()).includes('starting up')) break;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	if (setup === undefined) throw new Error('no answer from n8n');
	expect(setup.status, await setup.clone().text()).toBe(200);
	const login = await fetch(`${n8n.baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'browser-id': BROWSER_ID },
		body: JSON.stringify({
			emailOrLdapLoginId: 'owner@example.com',
			password: 'Passw0rd-Agora-e2e',
		}),
	});
	const cookies = [...setup.headers.getSetCookie(), ...login.headers.getSetCookie()];
	cookie = (cookies.find((value) => value.startsWith('n8n-auth=')) ?? '').split(';')[0];
	expect(cookie, `${login.status} ${await login.text()} ${cookies.join(' | ')}`).not.toBe('');
});

afterAll(async () => {
	await n8n?.stop();
	await agora?.stop();
});

/** Saves the credential, then runs n8n's credential test on it, as the editor does. */
async function testCredential(
	data: Record<string, string>,
): Promise<{ status: string; message: string }> {
	const headers = { 'Content-Type': 'application/json', cookie, 'browser-id': BROWSER_ID };
	const created = await fetch(`${n8n.baseUrl}/rest/credentials`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ name: 'Agora', type: 'agoraClassroomApi', data }),
	});
	const createdText = await created.text();
	expect(created.status, createdText).toBe(200);
	const { id } = (JSON.parse(createdText) as { data: { id: string } }).data;
	const response = await fetch(`${n8n.baseUrl}/rest/credentials/test`, {
		method: 'POST',
		headers,
		body: JSON.stringify({ credentials: { id, name: 'Agora', type: 'agoraClassroomApi', data } }),
	});
	const text = await response.text();
	expect(response.status, text).toBe(200);
	return (JSON.parse(text) as { data: { status: string; message: string } }).data;
}

const good = () => ({
	appId: APP_ID,
	appCertificate: CERTIFICATE,
	region: 'ap',
	domain: agora.url,
});

describe('agoraClassroomApi credential test in n8n', () => {
	it('succeeds when Agora accepts the token and answers "room not exists" for the check room', async () => {
		const before = agora.requestCount();
		expect(await testCredential(good())).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const request = agora.requests.at(-1);
		expect(agora.requestCount()).toBe(before + 1);
		expect(request?.authorized).toBe(true);
		expect(request?.status).toBe(404);
		expect(request?.segments.slice(0, 6)).toEqual(['ap', 'edu', 'apps', APP_ID, 'v2', 'rooms']);
	});

	it('accepts a domain written with a trailing slash and values with stray spaces', async () => {
		expect(
			(await testCredential({ ...good(), appId: ` ${APP_ID} `, domain: `${agora.url}/` })).status,
		).toBe('OK');
	});

	it('fails with a plain explanation when Agora rejects the token (wrong certificate)', async () => {
		const wrong = '0123456789abcdef0123456789abcdee';
		const result = await testCredential({ ...good(), appCertificate: wrong });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Agora rejected the token/);
		expect(result.message).not.toContain(wrong);
		expect(agora.requests.at(-1)?.status).toBe(401);
	});

	it('fails on other HTTP errors instead of calling them a success', async () => {
		agora.inject({ status: 503 });
		expect((await testCredential(good())).status).toBe('Error');
		agora.inject({ status: 429 });
		expect((await testCredential(good())).status).toBe('Error');
	});

	it('refuses a malformed App ID before calling Agora', async () => {
		const before = agora.requestCount();
		const result = await testCredential({ ...good(), appId: 'not-an-app-id' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/App ID must be the 32 hexadecimal characters/);
		expect(agora.requestCount()).toBe(before);
	});
});
