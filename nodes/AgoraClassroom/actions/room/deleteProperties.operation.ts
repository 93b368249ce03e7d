import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { agoraApiRequest } from '../../transport/request';
import { entryList } from '../../entryList';
import { propertyKeys, requiredText, roomUuidProperty } from '../common.description';

const properties: INodeProperties[] = [roomUuidProperty, propertyKeys('classroom')];

const displayOptions = { show: { resource: ['room'], operation: ['deleteProperties'] } };

export const description = updateDisplayOptions(displayOptions, properties);

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
