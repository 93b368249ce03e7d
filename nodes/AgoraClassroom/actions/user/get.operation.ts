import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { agoraApiRequest } from '../../transport/request';
import { normaliseUser } from '../../users';
import { requiredText, roomUuidProperty, userUuidProperty } from '../common.description';

const properties: INodeProperties[] = [roomUuidProperty, userUuidProperty];

export const description = operationProperties('user', 'get', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const roomUuid = requiredText(this, 'roomUuid', itemIndex, 'Classroom ID');
	const userUuid = requiredText(this, 'userUuid', itemIndex, 'User ID');
	const user = normaliseUser(
		await agoraApiRequest.call(this, 'GET', ['rooms', roomUuid, 'users', userUuid]),
	);
	return { roomUuid, userUuid, ...user };
}
