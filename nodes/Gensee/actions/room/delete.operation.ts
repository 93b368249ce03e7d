import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { genseeApiRequest, genseeCredentials } from '../../transport/request';
import { requireSiteKind, requiredText } from '../common';
import { roomIdProperty } from './roomId';

export const description = operationProperties('room', 'delete', [roomIdProperty]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const credentials = await genseeCredentials.call(this);
	requireSiteKind(this, credentials, 'training', itemIndex);
	const roomId = requiredText(this, 'roomId', itemIndex, 'Room ID');
	await genseeApiRequest.call(this, 'room/deleted', { roomId });
	return { success: true, roomId, deleted: true };
}
