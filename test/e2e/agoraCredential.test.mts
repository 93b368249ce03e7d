/**
 * The agoraClassroomApi credential inside a real n8n: n8n's own credential test (the "Test" step
 * when saving a credential) run through its REST API against the fake Agora server, which verifies
 * every token's signature.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FakeAgoraServer } from '../../support/fakes/agoraServer.mjs';
import type { RunningN8n } from '../../support/startN8n.mjs';
import { APP_ID, CERTIFICATE } from '../../support/fakes/agoraApp.mjs';
import { startCredentialTesting, type CredentialTester } from './harness/credentialTest.mjs';

let n8n: RunningN8n;
let agora: FakeAgoraServer;
let tester: CredentialTester;

beforeAll(async () => {
	agora = await FakeAgoraServer.start({ appId: APP_ID, appCertificate: CERTIFICATE });
	({ n8n, tester } = await startCredentialTesting());
});

afterAll(async () => {
	await n8n?.stop();
	await agora?.stop();
});

/** Saves the credential, then runs n8n's credential test on it, as the editor does. */
function testCredential(
	data: Record<string, string>,
): Promise<{ status: string; message: string }> {
	return tester.test('agoraClassroomApi', data);
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
