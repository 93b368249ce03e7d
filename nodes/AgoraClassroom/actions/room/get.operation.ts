import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { agoraApiRequest, dataRecord } from '../../transport/request';
import { requiredText, roomUuidProperty } from '../common.description';

const properties: INodeProperties[] = [roomUuidProperty];

export const description = operationProperties('room', 'get', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const roomUuid = requiredText(this, 'roomUuid', itemIndex, 'Classroom ID');
	return { roomUuid, ...dataRecord(await agoraApiRequest.call(this, 'GET', ['rooms', roomUuid])) };
}
