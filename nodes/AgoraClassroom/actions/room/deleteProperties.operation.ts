import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { agoraApiRequest } from '../../transport/request';
import { entryList } from '../../entryList';
import { propertyKeys, requiredText, roomUuidProperty } from '../common.description';

const properties: INodeProperties[] = [roomUuidProperty, propertyKeys('classroom')];

export const description = operationProperties('room', 'deleteProperties', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const roomUuid = requiredText(this, 'roomUuid', itemIndex, 'Classroom ID');
	const keys = entryList(this.getNodeParameter('keys', itemIndex, ''));
	if (keys.length === 0)
		throw new NodeOperationError(this.getNode(), 'No property keys given', { itemIndex });
	await agoraApiRequest.call(this, 'DELETE', ['rooms', roomUuid, 'properties'], {
		properties: keys,
	});
	return { success: true, roomUuid, deleted: keys };
}
