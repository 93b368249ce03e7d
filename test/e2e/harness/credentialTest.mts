/**
 * n8n's own credential test (the "Test" step when saving a credential in the editor), run through
 * its REST API as the owner.
 */
import { expect } from 'vitest';

import { pollUntil } from '../../../support/process.mjs';
import { startN8n, type RunningN8n } from '../../../support/startN8n.mjs';

const BROWSER_ID = 'edu-events-credential-e2e';
const OWNER = { email: 'owner@example.com', password: 'Passw0rd-Credential-e2e' };

export interface CredentialTester {
	test(type: string, data: Record<string, string>): Promise<{ status: string; message: string }>;
}

/** An n8n with nothing imported, and its owner signed in to run credential tests. */
export async function startCredentialTesting(): Promise<{
	n8n: RunningN8n;
	tester: CredentialTester;
}> {
	const n8n = await startN8n({ credentials: [], workflows: [], substitutions: {}, webhooks: [] });
	try {
		return { n8n, tester: await ownerCredentialTester(n8n.baseUrl) };
	} catch (error) {
		await n8n.stop();
		throw error;
	}
}

export async function ownerCredentialTester(baseUrl: string): Promise<CredentialTester> {
	// /healthz answers before the REST API is ready ("n8n is starting up", then 404 until its routes exist).
	const setup = await pollUntil(
		async () => {
			const answer = await fetch(`${baseUrl}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'browser-id': BROWSER_ID },
				body: JSON.stringify({ ...OWNER, firstName: 'Test', lastName: 'Owner' }),
			});
			const starting =
				answer.status === 404 || (await answer.clone().text()).includes('starting up');
			return !starting && answer;
		},
		{ timeout: 60_000, interval: 500, describe: "n8n's REST API to answer the owner setup" },
	);
	expect(setup.status, await setup.clone().text()).toBe(200);
	const login = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'browser-id': BROWSER_ID },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	const cookies = [...setup.headers.getSetCookie(), ...login.headers.getSetCookie()];
	const cookie = (cookies.find((value) => value.startsWith('n8n-auth=')) ?? '').split(';')[0];
	expect(cookie, `${login.status} ${await login.text()}`).not.toBe('');
	const headers = { 'Content-Type': 'application/json', cookie, 'browser-id': BROWSER_ID };
	return {
		async test(type, data) {
			const created = await fetch(`${baseUrl}/rest/credentials`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ name: type, type, data }),
			});
			const createdText = await created.text();
			expect(created.status, createdText).toBe(200);
			const { id } = (JSON.parse(createdText) as { data: { id: string } }).data;
			const response = await fetch(`${baseUrl}/rest/credentials/test`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ credentials: { id, name: type, type, data } }),
			});
			const text = await response.text();
			expect(response.status, text).toBe(200);
			return (JSON.parse(text) as { data: { status: string; message: string } }).data;
		},
	};
}
