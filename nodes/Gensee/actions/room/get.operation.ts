import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { genseeApiRequest } from '../../transport/request';
import { answerFields, siteCredentials, requiredText } from '../common';
import { roomIdProperty } from './roomId';

export const description = operationProperties('room', 'get', [roomIdProperty]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const credentials = await siteCredentials(this, 'training', itemIndex);
	const roomId = requiredText(this, 'roomId', itemIndex, 'Room ID');
	const answer = await genseeApiRequest.call(this, 'room/info', { roomId });
	return { roomId, ...answerFields(answer, credentials.timeZone) };
}
