import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { genseeApiRequest, genseeCredentials } from '../../transport/request';
import { answerFields, requireSiteKind, requiredText } from '../common';
import { roomIdProperty } from './roomId';

const displayOptions = { show: { resource: ['room'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, [roomIdProperty]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const credentials = await genseeCredentials.call(this);
	requireSiteKind(this, credentials, 'training', itemIndex);
	const roomId = requiredText(this, 'roomId', itemIndex, 'Room ID');
	const answer = await genseeApiRequest.call(this, 'room/info', { roomId });
	return { roomId, ...answerFields(answer, credentials.timeZone) };
}
