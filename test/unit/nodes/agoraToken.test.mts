import { EducationTokenBuilder } from 'agora-token';
import { AccessToken2 } from 'agora-token/src/AccessToken2';
import { describe, expect, it } from 'vitest';

import {
	APAAS_PRIVILEGE_APP,
	APAAS_SERVICE_TYPE,
	DEFAULT_TOKEN_LIFETIME_SECONDS,
	appCredentialsProblem,
	buildAppToken,
} from '../../../nodes/AgoraClassroom/transport/token';
import { decodeAccessToken2, signatureIsValid } from '../../../support/fakes/agoraTokenDecode.mjs';
import { APP_ID, CERTIFICATE } from '../../../support/fakes/agoraApp.mjs';

describe('Agora app token (AccessToken2, APaaS app privilege)', () => {
	it('has the same fields as the agora-token oracle', () => {
		const oracle = decodeAccessToken2(
			EducationTokenBuilder.buildAppToken(APP_ID, CERTIFICATE, 600),
		);
		const ours = decodeAccessToken2(
			buildAppToken({ appId: APP_ID, appCertificate: CERTIFICATE, lifetimeSeconds: 600 }),
		);
		for (const token of [oracle, ours]) {
			expect(token.version).toBe('007');
			expect(token.appId).toBe(APP_ID);
			expect(token.expire).toBe(600);
			expect(token.services).toHaveLength(1);
			expect(token.services[0].type).toBe(APAAS_SERVICE_TYPE);
			expect([...token.services[0].privileges]).toEqual([[APAAS_PRIVILEGE_APP, 600]]);
			expect(token.services[0].roomUuid).toBe('');
			expect(token.services[0].userUuid).toBe('');
			expect(token.services[0].role).toBe(-1);
		}
		expect(Math.abs(ours.issuedAt - oracle.issuedAt)).toBeLessThanOrEqual(2);
	});

	it('is byte for byte what the oracle signs for the same issue time and salt', () => {
		for (let round = 0; round < 20; round++) {
			const lifetime = 1 + Math.floor(Math.random() * 86_400);
			const oracle = decodeAccessToken2(
				EducationTokenBuilder.buildAppToken(APP_ID, CERTIFICATE, lifetime),
			);
			const ours = decodeAccessToken2(
				buildAppToken({
					appId: APP_ID,
					appCertificate: CERTIFICATE,
					lifetimeSeconds: lifetime,
					issuedAt: oracle.issuedAt,
					salt: oracle.salt,
				}),
			);
			expect(ours.signature.equals(oracle.signature)).toBe(true);
			expect(ours.content.equals(oracle.content)).toBe(true);
		}
	});

	it("is accepted by the oracle's own parser and signature check, and only with the right certificate", () => {
		const token = buildAppToken({ appId: APP_ID, appCertificate: CERTIFICATE });
		const parsed = new AccessToken2();
		expect(parsed.from_string(token)).toBe(true);
		expect(parsed.appId.toString('utf8')).toBe(APP_ID);
		expect(parsed.expire).toBe(DEFAULT_TOKEN_LIFETIME_SECONDS);
		expect(parsed.verifySignature(CERTIFICATE)).toBe(true);
		expect(parsed.verifySignature('00000000000000000000000000000000')).toBe(false);
		expect(signatureIsValid(decodeAccessToken2(token), CERTIFICATE)).toBe(true);
		expect(signatureIsValid(decodeAccessToken2(token), CERTIFICATE.replace('f', 'e'))).toBe(false);
	});

	it('uses the current time, a fresh salt each time, and a one-hour default lifetime', () => {
		const before = Math.floor(Date.now() / 1000);
		const first = decodeAccessToken2(buildAppToken({ appId: APP_ID, appCertificate: CERTIFICATE }));
		const second = decodeAccessToken2(
			buildAppToken({ appId: APP_ID, appCertificate: CERTIFICATE }),
		);
		const after = Math.floor(Date.now() / 1000);
		expect(first.issuedAt).toBeGreaterThanOrEqual(before);
		expect(first.issuedAt).toBeLessThanOrEqual(after);
		expect(first.expire).toBe(3600);
		expect(first.salt).toBeGreaterThanOrEqual(1);
		expect(first.salt).toBeLessThanOrEqual(99_999_999);
		expect(first.salt).not.toBe(second.salt);
	});

	it('allows at most 24 hours', () => {
		const ok = buildAppToken({
			appId: APP_ID,
			appCertificate: CERTIFICATE,
			lifetimeSeconds: 86_400,
		});
		expect(decodeAccessToken2(ok).expire).toBe(86_400);
		for (const lifetimeSeconds of [0, -5, 86_401, 1.5]) {
			expect(() =>
				buildAppToken({ appId: APP_ID, appCertificate: CERTIFICATE, lifetimeSeconds }),
			).toThrow(/from 1 to 86400/);
		}
	});

	it('accepts upper-case hex and refuses anything that is not 32 hex characters, without echoing it', () => {
		expect(appCredentialsProblem(APP_ID.toUpperCase(), CERTIFICATE.toUpperCase())).toBeUndefined();
		expect(appCredentialsProblem('abc', CERTIFICATE)).toMatch(/App ID must be the 32 hexadecimal/);
		expect(appCredentialsProblem(` ${APP_ID}`, CERTIFICATE)).toMatch(/App ID/);
		const badCertificate = 'g'.repeat(32);
		const problem = appCredentialsProblem(APP_ID, badCertificate);
		expect(problem).toMatch(/App Certificate must be the 32 hexadecimal/);
		expect(problem).not.toContain(badCertificate);
		expect(() => buildAppToken({ appId: APP_ID, appCertificate: badCertificate })).toThrow(
			/App Certificate/,
		);
	});
});
