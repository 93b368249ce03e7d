import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { genseeApiRequest } from '../../transport/request';
import { answerFields, siteCredentials, requiredText } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Webcast ID',
		name: 'webcastId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. tz6izG3yLm',
		description:
			"The webcast's ID, as Create returns it and as Gensee's callbacks send it (ClassNo)",
	},
];

export const description = operationProperties('webcast', 'get', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const credentials = await siteCredentials(this, 'webcast', itemIndex);
	const webcastId = requiredText(this, 'webcastId', itemIndex, 'Webcast ID');
	const answer = await genseeApiRequest.call(this, 'setting/info', { webcastId });
	return { webcastId, ...answerFields(answer, credentials.timeZone) };
}
