import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { questionItems } from '../../exports/qaAndRollCall';
import { exportProperties } from '../common';
import { exportItems } from '../export';

export const description = operationProperties('qa', 'get', exportProperties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	// Webcast answers carry qaList; which key training answers use is not known for sure.
	return await exportItems(
		this,
		itemIndex,
		{ endpoint: 'export/qa', listKeys: ['qaList', 'list'] },
		({ id, records, credentials }) => questionItems(records, id, credentials.timeZone),
	);
}
