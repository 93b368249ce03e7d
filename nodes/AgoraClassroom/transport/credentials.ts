import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { appCredentialsProblem } from './token';

export const AGORA_REGIONS = ['cn', 'ap', 'eu', 'na'] as const;
export type AgoraRegion = (typeof AGORA_REGIONS)[number];

export const DEFAULT_AGORA_DOMAIN = 'https://api.sd-rtn.com';

export interface AgoraCredentials {
	appId: string;
	appCertificate: string;
	region: AgoraRegion;
	/** Scheme, host and optional port, without a trailing slash. */
	domain: string;
}

const DOMAIN = /^https?:\/\/[^/?#\s]+$/i;

function isRegion(value: unknown): value is AgoraRegion {
	return typeof value === 'string' && (AGORA_REGIONS as readonly string[]).includes(value);
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** Reads and checks the saved credential; throws an Error whose message says what to fix. */
export function readAgoraCredentials(data: ICredentialDataDecryptedObject): AgoraCredentials {
	const appId = text(data.appId);
	const appCertificate = text(data.appCertificate);
	const problem = appCredentialsProblem(appId, appCertificate);
	if (problem !== undefined) throw new Error(problem);
	const region = text(data.region);
	if (!isRegion(region)) {
		throw new Error(
			`The region must be one of ${AGORA_REGIONS.join(', ')}: the region the classroom was created in.`,
		);
	}
	const domain = (text(data.domain) || DEFAULT_AGORA_DOMAIN).replace(/\/+$/, '');
	if (!DOMAIN.test(domain)) {
		throw new Error(
			'The domain must look like https://api.sd-rtn.com: http:// or https://, a host and optionally a port, nothing after it.',
		);
	}
	return { appId, appCertificate, region, domain };
}

/** `{domain}/{region}/edu/apps/{appId}/v2/`: every classroom endpoint hangs below it. */
export function classroomApiBase(credentials: AgoraCredentials): string {
	return `${credentials.domain}/${credentials.region}/edu/apps/${credentials.appId}/v2/`;
}

/** `{domain}/{region}/edu/polling/apps/{appId}/v2/`: the app-wide event queue. */
export function pollingApiBase(credentials: AgoraCredentials): string {
	return `${credentials.domain}/${credentials.region}/edu/polling/apps/${credentials.appId}/v2/`;
}
