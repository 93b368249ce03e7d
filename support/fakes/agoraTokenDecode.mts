/**
 * Reads an AccessToken2 ("007…") token the way Agora's servers do: base64, zlib inflate (node:zlib,
 * independent of the fflate deflate the package ships), then the little-endian fields. Used by the
 * unit tests and by the fake Agora server to verify signatures.
 */
import { inflateSync } from 'node:zlib';
import { timingSafeEqual } from 'node:crypto';

import { hmac, signingKey } from '../../nodes/AgoraClassroom/transport/token';

export interface DecodedService {
	type: number;
	privileges: Map<number, number>;
	/** APaaS only. */
	roomUuid?: string;
	userUuid?: string;
	role?: number;
}

export interface DecodedToken {
	version: string;
	signature: Buffer;
	signingInfo: Buffer;
	appId: string;
	issuedAt: number;
	expire: number;
	salt: number;
	services: DecodedService[];
	/** The whole inflated content, for byte-for-byte comparisons. */
	content: Buffer;
}

class Reader {
	private position = 0;
	constructor(private readonly bytes: Buffer) {}
	uint16(): number {
		const value = this.bytes.readUInt16LE(this.position);
		this.position += 2;
		return value;
	}
	int16(): number {
		const value = this.bytes.readInt16LE(this.position);
		this.position += 2;
		return value;
	}
	uint32(): number {
		const value = this.bytes.readUInt32LE(this.position);
		this.position += 4;
		return value;
	}
	bytesField(): Buffer {
		const length = this.uint16();
		if (this.position + length > this.bytes.length) throw new Error('truncated token');
		const value = this.bytes.subarray(this.position, this.position + length);
		this.position += length;
		return Buffer.from(value);
	}
	rest(): Buffer {
		return Buffer.from(this.bytes.subarray(this.position));
	}
	atEnd(): boolean {
		return this.position === this.bytes.length;
	}
}

/** Throws on anything that is not a well-formed AccessToken2. */
export function decodeAccessToken2(token: string): DecodedToken {
	const version = token.slice(0, 3);
	if (version !== '007')
		throw new Error(`not an AccessToken2 (version ${JSON.stringify(version)})`);
	const content = inflateSync(Buffer.from(token.slice(3), 'base64'));
	const reader = new Reader(content);
	const signature = reader.bytesField();
	const signingInfo = reader.rest();
	const info = new Reader(signingInfo);
	const appId = info.bytesField().toString('utf8');
	const issuedAt = info.uint32();
	const expire = info.uint32();
	const salt = info.uint32();
	const serviceCount = info.uint16();
	const services: DecodedService[] = [];
	for (let index = 0; index < serviceCount; index++) {
		const type = info.uint16();
		const privileges = new Map<number, number>();
		const privilegeCount = info.uint16();
		for (let p = 0; p < privilegeCount; p++) privileges.set(info.uint16(), info.uint32());
		if (type !== 7) throw new Error(`service type ${type} is not read by this decoder`);
		services.push({
			type,
			privileges,
			roomUuid: info.bytesField().toString('utf8'),
			userUuid: info.bytesField().toString('utf8'),
			role: info.int16(),
		});
	}
	if (!info.atEnd()) throw new Error('trailing bytes in token');
	return { version, signature, signingInfo, appId, issuedAt, expire, salt, services, content };
}

export function signatureIsValid(decoded: DecodedToken, appCertificate: string): boolean {
	const expected = hmac(
		signingKey(appCertificate, decoded.issuedAt, decoded.salt),
		decoded.signingInfo,
	);
	return (
		expected.length === decoded.signature.length && timingSafeEqual(expected, decoded.signature)
	);
}
