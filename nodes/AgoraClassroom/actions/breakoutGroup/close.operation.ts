import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { agoraApiRequest } from '../../transport/request';
import { requiredText, roomUuidProperty } from '../common.description';

const properties: INodeProperties[] = [roomUuidProperty];

export const description = operationProperties('breakoutGroup', 'close', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const roomUuid = requiredText(this, 'roomUuid', itemIndex, 'Classroom ID');
	await agoraApiRequest.call(this, 'PUT', ['rooms', roomUuid, 'groups', 'states', '0']);
	return { success: true, roomUuid, breakoutGroups: 'closed' };
}
