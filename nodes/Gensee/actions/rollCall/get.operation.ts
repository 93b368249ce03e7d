import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { rollCallItems } from '../../exports/qaAndRollCall';
import { exportProperties } from '../common';
import { exportItems } from '../export';

export const description = operationProperties('rollCall', 'get', exportProperties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await exportItems(
		this,
		itemIndex,
		{ endpoint: 'export/rollcall', listKeys: ['rollcall', 'rollCall', 'list'] },
		({ id, records, credentials }) => rollCallItems(records, id, credentials.timeZone),
	);
}
