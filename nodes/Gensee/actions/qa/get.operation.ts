import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { exportRecords } from '../../exports/fetch';
import { questionItems } from '../../exports/qaAndRollCall';
import { genseeCredentials } from '../../transport/request';
import { exportIdProperty, readWindow, requiredText, windowProperties } from '../common';

export const description = operationProperties('qa', 'get', [
	exportIdProperty,
	...windowProperties,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const credentials = await genseeCredentials.call(this);
	const id = requiredText(this, 'id', itemIndex, 'Room or Webcast ID');
	const window = readWindow(this, itemIndex, credentials.timeZone);
	// Webcast answers carry qaList; which key training answers use is not known for sure.
	const result = await exportRecords.call(this, credentials, {
		endpoint: 'export/qa',
		listKeys: ['qaList', 'list'],
		id,
		...window,
	});
	return [
		...questionItems(result.records, id, credentials.timeZone),
		...result.unexpected.map((entry) => ({ roomId: id, ...entry })),
	];
}
