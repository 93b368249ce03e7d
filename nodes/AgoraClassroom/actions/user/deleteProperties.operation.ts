import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { agoraApiRequest } from '../../transport/request';
import { entryList } from '../../entryList';
import {
	propertyKeys,
	requiredText,
	roomUuidProperty,
	userUuidProperty,
} from '../common.description';

const properties: INodeProperties[] = [roomUuidProperty, userUuidProperty, propertyKeys('user')];

export const description = operationProperties('user', 'deleteProperties', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const roomUuid = requiredText(this, 'roomUuid', itemIndex, 'Classroom ID');
	const userUuid = requiredText(this, 'userUuid', itemIndex, 'User ID');
	const keys = entryList(this.getNodeParameter('keys', itemIndex, ''));
	if (keys.length === 0)
		throw new NodeOperationError(this.getNode(), 'No property keys given', { itemIndex });
	await agoraApiRequest.call(this, 'DELETE', ['rooms', roomUuid, 'users', userUuid, 'properties'], {
		properties: keys,
	});
	return { success: true, roomUuid, userUuid, deleted: keys };
}
