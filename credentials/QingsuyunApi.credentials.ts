import type { ICredentialType, INodeProperties } from 'n8n-workflow';

export class QingsuyunApi implements ICredentialType {
	name = 'qingsuyunApi';

	displayName = 'Qingsuyun API';

	icon = {
		light: 'file:../nodes/Qingsuyun/qingsuyun.svg',
		dark: 'file:../nodes/Qingsuyun/qingsuyun.dark.svg',
	} as const;

	documentationUrl =
		'https://github.com/n8n-nodes-edu-events/n8n-nodes-edu-events/blob/main/docs/nodes/qingsuyun-trigger.md#set-it-up';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The key Qingsuyun sends with every callback, found in the admin console under 系统资料 → 密钥. Callbacks that do not carry it are refused.',
		},
	];
}
