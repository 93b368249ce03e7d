import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import {
	DEFAULT_AGORA_DOMAIN,
	readAgoraCredentials,
} from '../nodes/AgoraClassroom/transport/credentials';
import { buildAppToken } from '../nodes/AgoraClassroom/transport/token';

/**
 * Every HTTP error status except 404: those still fail the credential test. n8n 2.x honours
 * `except`; n8n 1.x ignores it and lets every status through, so there the test cannot tell a
 * rejected token from a good one (the node's own calls still fail with a clear 401 message).
 */
const STATUSES_OTHER_THAN_NOT_FOUND = Array.from({ length: 200 }, (_, index) => 400 + index).filter(
	(status) => status !== 404,
);

// A room id nobody creates: Agora answers 404 "room not exists" (code 20404100) once it has
// accepted the token, and 401 when it has not.
const CREDENTIAL_CHECK_ROOM = 'n8n-credential-check-7c1e9b04d5a2';

export class AgoraClassroomApi implements ICredentialType {
	name = 'agoraClassroomApi';

	displayName = 'Agora Classroom API';

	icon = {
		light: 'file:../nodes/AgoraClassroom/agora.svg',
		dark: 'file:../nodes/AgoraClassroom/agora.dark.svg',
	} as const;

	documentationUrl =
		'https://github.com/n8n-nodes-edu-events/n8n-nodes-edu-events/blob/main/docs/nodes/agora-classroom.md#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '0123456789abcdef0123456789abcdef',
			description:
				'The 32-character App ID of your project in the Agora Console, under Project Management',
		},
		{
			displayName: 'App Certificate',
			name: 'appCertificate',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The 32-character Primary Certificate of the same project (Project Management → Configure). n8n signs a short-lived token with it for every request; the certificate itself is never sent.',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'Asia Pacific', value: 'ap', description: 'Agora region code ap' },
				{ name: 'Europe', value: 'eu', description: 'Agora region code eu' },
				{ name: 'Mainland China', value: 'cn', description: 'Agora region code cn' },
				{ name: 'North America', value: 'na', description: 'Agora region code na' },
			],
			default: 'cn',
			description:
				'The region your classrooms are created in. It must match the region the client uses, or Agora answers "room not exists".',
		},
		{
			displayName: 'API Base URL',
			name: 'domain',
			type: 'string',
			default: DEFAULT_AGORA_DOMAIN,
			hint: 'Where n8n sends Agora API calls. Not the same as "Allowed HTTP Request Domains" below, which only limits where this credential may be used.',
			description:
				"Leave https://api.sd-rtn.com, or use https://api.agora.io (Agora's fallback). Any http(s)://host[:port] is accepted, e.g. for a gateway.",
		},
	];

	// The AccessToken2 app token carries its issue time and a random salt, so it is minted for each
	// request rather than stored in a static header.
	authenticate: IAuthenticate = async (credentials, requestOptions) => {
		const { appId, appCertificate } = readAgoraCredentials(credentials);
		const token = buildAppToken({ appId, appCertificate });
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `agora token=${token}` },
		};
	};

	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: `={{ ($credentials.domain || "${DEFAULT_AGORA_DOMAIN}").trim().replace(/\\/+$/, "") }}/{{ $credentials.region }}/edu/apps/{{ $credentials.appId.trim() }}/v2/rooms/${CREDENTIAL_CHECK_ROOM}`,
			ignoreHttpStatusErrors: { ignore: true, except: STATUSES_OTHER_THAN_NOT_FOUND },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Agora rejected the token: check that the App ID and App Certificate belong to the same project and that the certificate is enabled.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Agora refused access: check that Flexible Classroom is enabled for this project.',
				},
			},
		],
	};
}
