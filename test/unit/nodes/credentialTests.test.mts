/**
 * The credential tests that cannot ask the platform: what they refuse, and that each message
 * names the cause in words.
 */
import type { ICredentialTestFunctions, ICredentialsDecrypted } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { mock } from 'vitest-mock-extended';

import { QingsuyunTrigger } from '../../../nodes/Qingsuyun/QingsuyunTrigger.node';
import { checkWebhookTokenCredential } from '../../../nodes/shared/webhookToken';

const context = mock<ICredentialTestFunctions>();

function credential(data: Record<string, string>): ICredentialsDecrypted {
	return { id: '1', name: 'test', type: 'test', data };
}

describe('the Qingsuyun credential test', () => {
	const test = new QingsuyunTrigger().methods.credentialTest.qingsuyunSecretKey;

	it.each([
		['', /No secret key/],
		[' abcdefghij ', /starts or ends with spaces/],
		['abc', /too short \(3 characters\)/],
	])('refuses %j', async (secretKey, message) => {
		const result = await test.call(context, credential({ secretKey }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
		if (secretKey.trim() !== '') expect(result.message).not.toContain(secretKey.trim());
	});

	it('accepts a whole key and says it cannot be confirmed', async () => {
		const result = await test.call(context, credential({ secretKey: 'k3y0fQingsuyun' }));
		expect(result).toEqual({ status: 'OK', message: expect.stringMatching(/send a test event/) });
	});
});

describe('the webhook token credential test', () => {
	it.each([
		['short', /too short \(5 characters\).*Nothing was contacted/],
		['x', /too short \(1 character\)/],
		['abcdefghijklmnop qrs', /characters a URL would need escaped/],
	])('refuses %j', async (token, message) => {
		const result = await checkWebhookTokenCredential.call(context, credential({ token }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(message);
	});

	it('accepts 16 letters and digits', async () => {
		const result = await checkWebhookTokenCredential.call(
			context,
			credential({ token: 'A1b2C3d4E5f6G7h8' }),
		);
		expect(result.status).toBe('OK');
	});
});
