import { describe, expect, it } from 'vitest';

import { AgoraClassroomApi } from '../../../credentials/AgoraClassroomApi.credentials';
import {
	classroomApiBase,
	pollingApiBase,
	readAgoraCredentials,
} from '../../../nodes/AgoraClassroom/transport/credentials';
import { decodeAccessToken2, signatureIsValid } from '../../../support/fakes/agoraTokenDecode.mjs';
import { APP_ID, CERTIFICATE } from '../../../support/fakes/agoraApp.mjs';

const saved = {
	appId: APP_ID,
	appCertificate: CERTIFICATE,
	region: 'eu',
	domain: 'https://api.sd-rtn.com',
};

describe('agoraClassroomApi credential', () => {
	const credential = new AgoraClassroomApi();

	it('keeps its public names and hides the certificate', () => {
		expect(credential.name).toBe('agoraClassroomApi');
		expect(credential.properties.map((property) => property.name)).toEqual([
			'appId',
			'appCertificate',
			'region',
			'domain',
		]);
		const certificate = credential.properties.find(
			(property) => property.name === 'appCertificate',
		);
		expect(certificate?.typeOptions?.password).toBe(true);
		const region = credential.properties.find((property) => property.name === 'region');
		expect(
			region?.options?.map((option) => ('value' in option ? option.value : undefined)).sort(),
		).toEqual(['ap', 'cn', 'eu', 'na']);
	});

	it('signs every request with a fresh app token in the Authorization header, keeping other headers', async () => {
		if (typeof credential.authenticate !== 'function')
			throw new Error('authenticate must be a function');
		const first = await credential.authenticate(saved, {
			url: 'https://x/y',
			headers: { 'X-Keep': '1' },
		});
		const second = await credential.authenticate(saved, { url: 'https://x/y' });
		const header = String(first.headers?.Authorization);
		expect(header).toMatch(/^agora token=007[A-Za-z0-9+/=]+$/);
		expect(first.headers?.['X-Keep']).toBe('1');
		expect(first.url).toBe('https://x/y');
		const token = decodeAccessToken2(header.slice('agora token='.length));
		expect(token.appId).toBe(APP_ID);
		expect(signatureIsValid(token, CERTIFICATE)).toBe(true);
		expect(second.headers?.Authorization).not.toBe(first.headers?.Authorization);
		expect(header).not.toContain(CERTIFICATE);
	});

	it('refuses a malformed App ID or certificate with a message that does not echo the secret', async () => {
		if (typeof credential.authenticate !== 'function')
			throw new Error('authenticate must be a function');
		await expect(
			credential.authenticate({ ...saved, appId: 'my-app' }, { url: 'https://x' }),
		).rejects.toThrow(/App ID must be the 32 hexadecimal/);
		const error = await credential
			.authenticate({ ...saved, appCertificate: 'secret-but-short' }, { url: 'https://x' })
			.catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(/App Certificate must be/);
		expect((error as Error).message).not.toContain('secret-but-short');
	});

	it('tests against a room nobody creates, accepting only 404 among error statuses and explaining 401', () => {
		const test = credential.test;
		expect(test?.request.method).toBe('GET');
		expect(test?.request.url).toMatch(
			/\{\{ \$credentials\.region \}\}\/edu\/apps\/\{\{ \$credentials\.appId\.trim\(\) \}\}\/v2\/rooms\/n8n-credential-check-/,
		);
		const ignore = test?.request.ignoreHttpStatusErrors;
		if (typeof ignore !== 'object') throw new Error('expected an ignore-with-exceptions config');
		expect(ignore.except).not.toContain(404);
		for (const status of [400, 401, 403, 405, 429, 500, 502, 503, 599])
			expect(ignore.except).toContain(status);
		const rules = test?.rules ?? [];
		expect(
			rules.some((rule) => rule.type === 'responseCode' && rule.properties.value === 401),
		).toBe(true);
	});
});

describe('readAgoraCredentials', () => {
	it('trims values, defaults the domain and drops trailing slashes', () => {
		expect(
			readAgoraCredentials({
				appId: ` ${APP_ID} `,
				appCertificate: CERTIFICATE,
				region: 'na',
				domain: 'http://127.0.0.1:8080//',
			}),
		).toEqual({
			appId: APP_ID,
			appCertificate: CERTIFICATE,
			region: 'na',
			domain: 'http://127.0.0.1:8080',
		});
		expect(readAgoraCredentials({ ...saved, domain: '' }).domain).toBe('https://api.sd-rtn.com');
	});

	it('refuses unknown regions and domains with a path, query or other scheme', () => {
		expect(() => readAgoraCredentials({ ...saved, region: 'us' })).toThrow(
			/region must be one of cn, ap, eu, na/,
		);
		for (const domain of [
			'api.sd-rtn.com',
			'ftp://api.sd-rtn.com',
			'https://api.sd-rtn.com/cn',
			'https://a?b',
			'https://',
		]) {
			expect(() => readAgoraCredentials({ ...saved, domain })).toThrow(/domain must look like/);
		}
	});

	it('builds the classroom and polling bases', () => {
		const credentials = readAgoraCredentials(saved);
		expect(classroomApiBase(credentials)).toBe(`https://api.sd-rtn.com/eu/edu/apps/${APP_ID}/v2/`);
		expect(pollingApiBase(credentials)).toBe(
			`https://api.sd-rtn.com/eu/edu/polling/apps/${APP_ID}/v2/`,
		);
	});
});
