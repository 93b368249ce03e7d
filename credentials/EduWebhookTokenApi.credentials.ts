import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** A shared secret that incoming webhooks carry in their URL, for platforms that cannot sign. */
export class EduWebhookTokenApi implements ICredentialType {
	name = 'eduWebhookTokenApi';

	displayName = 'Teachbase and Gensee Webhook Token API';

	icon = 'file:../nodes/shared/token.svg' as const;

	documentationUrl =
		'https://github.com/n8n-nodes-edu-events/n8n-nodes-edu-events/blob/main/docs/nodes/teachbase-trigger.md#webhook-token';

	properties: INodeProperties[] = [
		{
			displayName:
				"For the Teachbase Trigger and the Gensee Trigger, whose platforms cannot sign their requests. You make the token up yourself (nobody issues it): at least 16 letters and digits, e.g. from a password generator. The trigger then answers only URLs that end in ?token=YOUR_TOKEN. Nothing is contacted when you save: the test checks only the token's length and characters.",
			name: 'usageNotice',
			type: 'notice',
			default: '',
		},
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
