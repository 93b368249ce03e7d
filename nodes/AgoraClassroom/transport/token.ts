import { createHmac, randomInt } from 'crypto';

import { zlibSync } from '../../shared/vendor/deflate';

/**
 * Agora's AccessToken2 ("007…") app token for the Flexible Classroom REST API: one APaaS service
 * (type 7) holding the app privilege (3). Layout, all integers little-endian:
 *
 *   "007" + base64(zlib(  bytes(signature) | signingInfo  ))
 *   signingInfo = string(appId) u32(issueTs) u32(expire) u32(salt) u16(serviceCount) services…
 *   APaaS service = u16(7) u16(1) u16(3) u32(expire) string(roomUuid="") string(userUuid="") i16(role=-1)
 *   signature = HMAC(key = HMAC(key = u32(salt), HMAC(key = u32(issueTs), appCertificate)), signingInfo)
 *
 * where bytes/string are a u16 length followed by the bytes. Expiry values are seconds counted
 * from the issue time.
 */

export const TOKEN_VERSION = '007';
export const APAAS_SERVICE_TYPE = 7;
export const APAAS_PRIVILEGE_APP = 3;
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

const HEX32 = /^[0-9a-fA-F]{32}$/;
const MAX_SALT = 99_999_999;

export interface AppTokenInput {
	appId: string;
	appCertificate: string;
	/** Seconds the token stays valid; 1 hour when left out, at most 24 hours. */
	lifetimeSeconds?: number;
	/** Issue time in epoch seconds; now when left out. Fixed only by tests. */
	issuedAt?: number;
	/** Random 1…99,999,999 when left out. Fixed only by tests. */
	salt?: number;
}

/** Says in plain words what is wrong with the App ID or certificate, or undefined when both look right. */
export function appCredentialsProblem(appId: string, appCertificate: string): string | undefined {
	if (!HEX32.test(appId)) {
		return 'The App ID must be the 32 hexadecimal characters shown for the project in the Agora Console (Project Management).';
	}
	if (!HEX32.test(appCertificate)) {
		return "The App Certificate must be the 32 hexadecimal characters shown under the project's Primary Certificate in the Agora Console (Project Management → Configure).";
	}
	return undefined;
}

export function buildAppToken(input: AppTokenInput): string {
	const problem = appCredentialsProblem(input.appId, input.appCertificate);
	if (problem !== undefined) throw new Error(problem);

	const lifetime = input.lifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
	if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > MAX_TOKEN_LIFETIME_SECONDS) {
		throw new Error(
			`The token lifetime must be a whole number of seconds from 1 to ${MAX_TOKEN_LIFETIME_SECONDS}.`,
		);
	}
	const issuedAt = input.issuedAt ?? Math.floor(Date.now() / 1000);
	const salt = input.salt ?? randomInt(1, MAX_SALT + 1);

	const service = Buffer.concat([
		uint16(APAAS_SERVICE_TYPE),
		uint16(1),
		uint16(APAAS_PRIVILEGE_APP),
		uint32(lifetime),
		lengthPrefixed(Buffer.alloc(0)),
		lengthPrefixed(Buffer.alloc(0)),
		int16(-1),
	]);
	const signingInfo = Buffer.concat([
		lengthPrefixed(Buffer.from(input.appId, 'utf8')),
		uint32(issuedAt),
		uint32(lifetime),
		uint32(salt),
		uint16(1),
		service,
	]);
	const signature = hmac(signingKey(input.appCertificate, issuedAt, salt), signingInfo);
	const content = Buffer.concat([lengthPrefixed(signature), signingInfo]);
	return TOKEN_VERSION + Buffer.from(zlibSync(content)).toString('base64');
}

/** The key a token's signature is made with; exported for whoever verifies tokens (the test server). */
export function signingKey(appCertificate: string, issuedAt: number, salt: number): Buffer {
	const withTime = hmac(uint32(issuedAt), Buffer.from(appCertificate, 'utf8'));
	return hmac(uint32(salt), withTime);
}

export function hmac(key: Buffer, message: Buffer): Buffer {
	return createHmac('sha256', key).update(message).digest();
}

function uint16(value: number): Buffer {
	const buffer = Buffer.alloc(2);
	buffer.writeUInt16LE(value);
	return buffer;
}

function int16(value: number): Buffer {
	const buffer = Buffer.alloc(2);
	buffer.writeInt16LE(value);
	return buffer;
}

function uint32(value: number): Buffer {
	const buffer = Buffer.alloc(4);
	buffer.writeUInt32LE(value);
	return buffer;
}

function lengthPrefixed(bytes: Buffer): Buffer {
	return Buffer.concat([uint16(bytes.length), bytes]);
}
