import type { ICredentialType, INodeProperties } from 'n8n-workflow';

// The credential is a shared secret for incoming webhooks, not an API key, and its name is part of
// the package's public contract (saved workflows refer to it), hence the disabled naming rules.
// eslint-disable-next-line n8n-nodes-base/cred-class-name-unsuffixed
export class EduWebhookToken implements ICredentialType {
	// eslint-disable-next-line n8n-nodes-base/cred-class-field-name-unsuffixed
	name = 'eduWebhookToken';

	// eslint-disable-next-line n8n-nodes-base/cred-class-field-display-name-missing-api
	displayName = 'Education Webhook Token';

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
