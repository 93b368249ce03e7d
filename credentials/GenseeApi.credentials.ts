import type {
	IAuthenticate,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { authParameters } from '../nodes/Gensee/transport/auth';
import { readGenseeCredentials } from '../nodes/Gensee/transport/credentials';
import { GENSEE_CODES, genseeErrorHint } from '../nodes/Gensee/transport/errors';

// A room id nobody creates: Gensee answers "501" (no such data) once it has accepted the login,
// "200" when it has not.
const CREDENTIAL_CHECK_ID = 'n8nCredentialCheck7c1e9b';

/** Codes that mean the login or the API itself is not usable; any other code passed the login. */
const FAILING_CODES = ['200', '201', '600', '300', '-1'];

function failingCodeRule(
	code: string,
	value: string | number,
): IAuthenticateRuleResponseSuccessBody {
	return {
		type: 'responseSuccessBody',
		properties: {
			key: 'code',
			value,
			message: `Gensee answered code ${code} (${GENSEE_CODES[code]}). ${genseeErrorHint({ status: 200, code, endpoint: '' })}`,
		},
	};
}

export class GenseeApi implements ICredentialType {
	name = 'genseeApi';

	displayName = 'Gensee API';

	icon = {
		light: 'file:../nodes/Gensee/gensee.svg',
		dark: 'file:../nodes/Gensee/gensee.dark.svg',
	} as const;

	documentationUrl =
		'https://github.com/n8n-nodes-edu-events/n8n-nodes-edu-events/blob/main/docs/nodes/gensee.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Site Address',
			name: 'site',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. mysite.gensee.com',
			description:
				'Your Gensee site: {site}.gensee.com or your own domain. Sent over https unless you write http:// in front; a port may follow the host.',
		},
		{
			displayName: 'Site Kind',
			name: 'siteKind',
			type: 'options',
			options: [
				{
					name: 'Training (教育)',
					value: 'training',
					description: 'Classrooms: the Room resource, and exports of rooms',
				},
				{
					name: 'Webcast (直播)',
					value: 'webcast',
					description: 'Live broadcasts: the Webcast resource, and exports of webcasts',
				},
			],
			default: 'training',
			description: 'Which kind of Gensee site this is. A site is one or the other.',
		},
		{
			displayName: 'Login Name',
			name: 'loginName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. admin@example.com',
			description:
				'The login of a site account: an admin or organiser to create and delete rooms and webcasts, a teacher (or admin) for attendance, Q&A and roll call exports',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: "The account's password, as you type it to log in",
		},
		{
			displayName: 'Send Password As',
			name: 'sec',
			type: 'options',
			options: [
				{
					name: 'Plain',
					value: 'plain',
					description: 'Send the password itself',
				},
				{
					name: 'MD5 Hash',
					value: 'md5',
					description:
						"Send only the MD5 of the password, with sec=true. Use this when the site's integration settings ask for MD5.",
				},
			],
			default: 'plain',
			description: "How the password is sent, as the site's integration settings require",
		},
		{
			displayName: 'Site Time Zone',
			name: 'timeZone',
			type: 'string',
			default: 'Asia/Shanghai',
			description:
				'The time zone Gensee reads and writes wall-clock times in (IANA name). China Standard Time (Asia/Shanghai) unless your site says otherwise.',
		},
	];

	authenticate: IAuthenticate = async (credentials, requestOptions) => {
		const login = authParameters(readGenseeCredentials(credentials));
		if (requestOptions.method === undefined || requestOptions.method === 'GET') {
			const qs = typeof requestOptions.qs === 'object' ? requestOptions.qs : {};
			return { ...requestOptions, qs: { ...qs, ...login } };
		}
		const body =
			typeof requestOptions.body === 'object' && requestOptions.body !== null
				? requestOptions.body
				: {};
		return { ...requestOptions, body: { ...body, ...login } };
	};

	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: `={{ (/^https?:\\/\\//i.test($credentials.site.trim()) ? "" : "https://") + $credentials.site.trim().replace(/\\/+$/, "") }}/integration/site/{{ $credentials.siteKind === "webcast" ? "webcast/setting/info" : "training/room/info" }}`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: { roomId: CREDENTIAL_CHECK_ID, webcastId: CREDENTIAL_CHECK_ID },
			json: true,
		},
		rules: [
			...FAILING_CODES.flatMap((code) => [
				failingCodeRule(code, code),
				failingCodeRule(code, Number(code)),
			]),
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: undefined,
					message:
						"The address did not answer like Gensee's integration API (no result code): check the site address and the site kind.",
				},
			},
		],
	};
}
