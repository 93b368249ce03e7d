import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { exportRecords } from '../../exports/fetch';
import { rollCallItems } from '../../exports/qaAndRollCall';
import { genseeCredentials } from '../../transport/request';
import { exportIdProperty, readWindow, requiredText, windowProperties } from '../common';

export const description = operationProperties('rollCall', 'get', [
	exportIdProperty,
	...windowProperties,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const credentials = await genseeCredentials.call(this);
	const id = requiredText(this, 'id', itemIndex, 'Room or Webcast ID');
	const window = readWindow(this, itemIndex, credentials.timeZone);
	const result = await exportRecords.call(this, credentials, {
		endpoint: 'export/rollcall',
		listKeys: ['rollcall', 'rollCall', 'list'],
		id,
		...window,
	});
	return [
		...rollCallItems(result.records, id, credentials.timeZone),
		...result.unexpected.map((entry) => ({ roomId: id, ...entry })),
	];
}
