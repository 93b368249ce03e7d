import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { agoraApiRequest } from '../../transport/request';
import { jsonObject, propertiesJson, requiredText, roomUuidProperty } from '../common.description';

const properties: INodeProperties[] = [roomUuidProperty, propertiesJson('classroom')];

export const description = operationProperties('room', 'updateProperties', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const roomUuid = requiredText(this, 'roomUuid', itemIndex, 'Classroom ID');
	const changed = jsonObject(this, 'properties', itemIndex, 'Properties');
	await agoraApiRequest.call(this, 'PUT', ['rooms', roomUuid, 'properties'], {
		properties: changed,
	});
	return { success: true, roomUuid, properties: changed };
}
