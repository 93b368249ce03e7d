import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { pagingOf } from '../../../shared/actions/parameters';
import { agoraApiRequestAllItems } from '../../transport/pagination';
import {
	limitProperty,
	requiredText,
	returnAllProperty,
	roomUuidProperty,
} from '../common.description';

const properties: INodeProperties[] = [roomUuidProperty, returnAllProperty, limitProperty];

export const description = operationProperties('recording', 'getMany', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const roomUuid = requiredText(this, 'roomUuid', itemIndex, 'Classroom ID');
	return await agoraApiRequestAllItems.call(
		this,
		'GET',
		['rooms', roomUuid, 'records'],
		{},
		pagingOf(this, itemIndex),
	);
}
