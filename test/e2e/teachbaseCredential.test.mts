/**
 * The teachbaseApi credential inside a real n8n: n8n's own credential test (the "Test" step when
 * saving a credential) run through its REST API against the fake Teachbase server. n8n first runs
 * the credential's preAuthentication (the token request), then GET /endpoint/v1/_ping with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FakeTeachbaseServer } from '../../support/fakes/teachbaseServer.mjs';
import { n8nVersion } from '../../support/n8n.mjs';
import { RestSession } from '../../support/n8nRest.mjs';
import { pollUntil } from '../../support/process.mjs';
import { startN8n, type RunningN8n } from '../../support/startN8n.mjs';

const CLIENT_ID = 'tb-credential-client';
const CLIENT_SECRET = 'tb-credential-secret-41c7';

let n8n: RunningN8n;
let teachbase: FakeTeachbaseServer;
let session: RestSession;

beforeAll(async () => {
	teachbase = await FakeTeachbaseServer.start({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
	n8n = await startN8n({ credentials: [], workflows: [], substitutions: {}, webhooks: [] });
	// n8n may drop the first connections while it mounts its REST API on a busy machine.
	let lastError: unknown;
	session = await pollUntil(
		() =>
			RestSession.asOwner(n8n.baseUrl).catch((error: unknown) => {
				lastError = error;
				return undefined;
			}),
		{
			timeout: 60_000,
			interval: 1_000,
			describe: () => `an owner session (last error: ${String(lastError)})`,
		},
	);
}, 300_000);

afterAll(async () => {
	await n8n?.stop();
	await teachbase?.stop();
});

interface TestResult {
	status: string;
	message: string;
}

function isTestResult(value: unknown): value is TestResult {
	return (
		typeof value === 'object' &&
		value !== null &&
		'status' in value &&
		'message' in value &&
		typeof value.status === 'string' &&
		typeof value.message === 'string'
	);
}

/** Saves the credential, then runs n8n's credential test on it, as the editor does. */
async function testCredential(data: Record<string, string>): Promise<TestResult> {
	const created = await session.call('POST', '/credentials', {
		name: 'Teachbase',
		type: 'teachbaseApi',
		data,
	});
	const id = typeof created === 'object' && created !== null && 'id' in created ? created.id : '';
	const result = await session.call('POST', '/credentials/test', {
		credentials: { id, name: 'Teachbase', type: 'teachbaseApi', data },
	});
	if (!isTestResult(result)) throw new Error(`unexpected answer ${JSON.stringify(result)}`);
	return result;
}

const good = () => ({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: teachbase.url });

describe('teachbaseApi credential test in n8n', () => {
	it('succeeds: one token request, then _ping with that token', async () => {
		const before = teachbase.tokenRequests;
		expect(await testCredential(good())).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(teachbase.tokenRequests).toBe(before + 1);
		const ping = teachbase.requests.at(-1);
		expect(ping?.path).toBe('/endpoint/v1/_ping');
		expect(ping?.status).toBe(200);
		expect(ping?.token).toBe(teachbase.tokens.at(-1)?.token);
	});

	it('accepts a base URL with a trailing slash and values with stray spaces', async () => {
		const result = await testCredential({
			clientId: ` ${CLIENT_ID} `,
			clientSecret: CLIENT_SECRET,
			baseUrl: `${teachbase.url}/`,
		});
		expect(result.status).toBe('OK');
	});

	it('says the Client ID or Client Secret is wrong, without the secret', async () => {
		const wrong = 'tb-wrong-secret-0d2f';
		const result = await testCredential({ ...good(), clientSecret: wrong });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Teachbase refused the Client ID or Client Secret');
		expect(result.message).not.toContain(wrong);
		expect(teachbase.requests.at(-1)?.path).toBe('/oauth/token');
	});

	it('says the host cannot be reached', async () => {
		const gone = await FakeTeachbaseServer.start({ clientId: 'x', clientSecret: 'y' });
		const url = gone.url;
		await gone.stop();
		const result = await testCredential({ ...good(), baseUrl: url });
		expect(result.status).toBe('Error');
		expect(result.message).toContain(`Could not reach Teachbase at ${url}`);
	});

	it('says when the token is refused by the API or the address is not the Teachbase API', async () => {
		// n8n 1.x loses the HTTP answer when it wraps the failed ping (its error classes drop the
		// cause), so its credential test cannot apply the credential's rules and shows its own
		// generic message; 2.x applies them.
		const rulesApply = !n8nVersion().startsWith('1.');
		// Both retry once after a 401; 1.x's credential test also retries after any other failure.
		const otherAttempts = rulesApply ? 1 : 2;
		teachbase.inject({ match: '/_ping', status: 401, times: 2 });
		const refused = await testCredential(good());
		expect(refused.status).toBe('Error');
		if (rulesApply)
			expect(refused.message).toContain('Teachbase issued a token but then rejected it');
		teachbase.inject({ match: '/_ping', status: 404, times: otherAttempts });
		const notHere = await testCredential(good());
		expect(notHere).toMatchObject({ status: 'Error' });
		if (rulesApply) expect(notHere.message).toContain('does not answer like the Teachbase API');
		teachbase.inject({ match: '/_ping', status: 503, times: otherAttempts });
		expect((await testCredential(good())).status).toBe('Error');
	});
});
