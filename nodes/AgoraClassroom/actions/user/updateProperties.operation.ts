import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { agoraApiRequest } from '../../transport/request';
import {
	jsonObject,
	propertiesJson,
	requiredText,
	roomUuidProperty,
	userUuidProperty,
} from '../common.description';

const properties: INodeProperties[] = [roomUuidProperty, userUuidProperty, propertiesJson('user')];

export const description = operationProperties('user', 'updateProperties', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const roomUuid = requiredText(this, 'roomUuid', itemIndex, 'Classroom ID');
	const userUuid = requiredText(this, 'userUuid', itemIndex, 'User ID');
	const changed = jsonObject(this, 'properties', itemIndex, 'Properties');
	await agoraApiRequest.call(this, 'PUT', ['rooms', roomUuid, 'users', userUuid, 'properties'], {
		properties: changed,
	});
	return { success: true, roomUuid, userUuid, properties: changed };
}
