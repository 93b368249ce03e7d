import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { genseeApiRequest } from '../../transport/request';
import { siteCredentials, requiredText } from '../common';
import { roomIdProperty } from './roomId';

export const description = operationProperties('room', 'delete', [roomIdProperty]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	await siteCredentials(this, 'training', itemIndex);
	const roomId = requiredText(this, 'roomId', itemIndex, 'Room ID');
	await genseeApiRequest.call(this, 'room/deleted', { roomId });
	return { success: true, roomId, deleted: true };
}
