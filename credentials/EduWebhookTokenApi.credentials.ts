import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** A shared secret that incoming webhooks carry in their URL, for platforms that cannot sign. */
export class EduWebhookTokenApi implements ICredentialType {
	name = 'eduWebhookTokenApi';

	displayName = 'Education Webhook Token API';

	icon = 'file:../nodes/shared/token.svg' as const;

	documentationUrl = 'https://github.com/n8n-nodes-edu-events/n8n-nodes-edu-events#webhook-token';

	properties: INodeProperties[] = [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A long random string of your choosing (at least 16 letters and digits). It goes at the end of the URL you give the platform as ?token=…; requests without it are refused.',
		},
	];
}
