import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { agoraApiRequest } from '../../transport/request';
import { requiredText, roomUuidProperty, userUuidProperty } from '../common.description';

const properties: INodeProperties[] = [
	roomUuidProperty,
	userUuidProperty,
	{
		displayName: 'Ban for (Seconds)',
		name: 'banSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'How long the user may not join the classroom again. 0: they can rejoin at once.',
	},
];

export const description = operationProperties('user', 'kick', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const roomUuid = requiredText(this, 'roomUuid', itemIndex, 'Classroom ID');
	const userUuid = requiredText(this, 'userUuid', itemIndex, 'User ID');
	const banSeconds = Number(this.getNodeParameter('banSeconds', itemIndex, 0)) || 0;
	const body: IDataObject | undefined =
		banSeconds > 0 ? { dirty: { state: 1, duration: Math.round(banSeconds) } } : undefined;
	await agoraApiRequest.call(this, 'POST', ['rooms', roomUuid, 'users', userUuid, 'exit'], body);
	return {
		success: true,
		roomUuid,
		userUuid,
		kicked: true,
		bannedForSeconds: body === undefined ? 0 : Math.round(banSeconds),
	};
}
