import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { IANAZone } from 'luxon';

import { GENSEE_TIME_ZONE } from '../events';

export type GenseeSiteKind = 'training' | 'webcast';

export interface GenseeCredentials {
	/** Scheme, host and optional port, without a trailing slash. */
	origin: string;
	siteKind: GenseeSiteKind;
	loginName: string;
	password: string;
	md5: boolean;
	/** The site's time zone: Gensee reads and writes wall-clock times in it. */
	timeZone: string;
}

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$/i;
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/**
 * The site address as an origin: `mysite.gensee.com` gets https://, an address with its own
 * http(s):// scheme (and port) is kept; paths such as `/integration/site` are dropped.
 */
export function siteOrigin(address: string): string | undefined {
	let value = address.trim().replace(/\/+$/, '');
	value = value.replace(/\/integration(\/site)?(\/(training|webcast))?$/i, '');
	if (ORIGIN.test(value)) return value;
	if (HOST.test(value)) return `https://${value}`;
	return undefined;
}

/** Reads and checks the saved credential; throws an Error whose message says what to fix. */
export function readGenseeCredentials(data: ICredentialDataDecryptedObject): GenseeCredentials {
	const origin = siteOrigin(text(data.site));
	if (origin === undefined) {
		throw new Error(
			'The site address must look like mysite.gensee.com (or your own domain), optionally with http:// or https:// and a port, and nothing after it.',
		);
	}
	const loginName = text(data.loginName);
	if (loginName === '') throw new Error('The login name is empty.');
	const password = typeof data.password === 'string' ? data.password : '';
	if (password === '') throw new Error('The password is empty.');
	const timeZone = text(data.timeZone) || GENSEE_TIME_ZONE;
	if (!IANAZone.isValidZone(timeZone)) {
		throw new Error(
			`"${timeZone}" is not a time zone name: use an IANA name such as Asia/Shanghai.`,
		);
	}
	return {
		origin,
		siteKind: data.siteKind === 'webcast' ? 'webcast' : 'training',
		loginName,
		password,
		md5: data.sec === 'md5',
		timeZone,
	};
}

/** `{origin}/integration/site/{training|webcast}/`: every endpoint of the site hangs below it. */
export function siteApiBase(credentials: Pick<GenseeCredentials, 'origin' | 'siteKind'>): string {
	return `${credentials.origin}/integration/site/${credentials.siteKind}/`;
}
