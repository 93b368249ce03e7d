import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { agoraApiRequest } from '../../transport/request';
import { requiredText, roomUuidProperty } from '../common.description';

const properties: INodeProperties[] = [
	roomUuidProperty,
	{
		displayName: 'Action',
		name: 'action',
		type: 'options',
		options: [
			{ name: 'Pause', value: 'pause' },
			{ name: 'Resume', value: 'resume' },
		],
		default: 'pause',
		description: 'Only web page recordings can be paused',
	},
];

export const description = operationProperties('recording', 'pauseResume', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const roomUuid = requiredText(this, 'roomUuid', itemIndex, 'Classroom ID');
	const pause = this.getNodeParameter('action', itemIndex, 'pause') !== 'resume';
	await agoraApiRequest.call(this, 'PATCH', ['rooms', roomUuid, 'records', 'states', '1'], {
		webRecordConfig: { onhold: pause },
	});
	return { success: true, roomUuid, recording: pause ? 'paused' : 'resumed' };
}
