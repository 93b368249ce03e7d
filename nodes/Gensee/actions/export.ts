import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { JsonRecord } from '../../shared/guards';
import { exportRecords, type ExportRequest } from '../exports/fetch';
import type { GenseeCredentials } from '../transport/credentials';
import { genseeCredentials } from '../transport/request';
import { readWindow, requiredText } from './common';

/** What the attendance, Q&A and roll call operations read from the export they ask for. */
export interface ExportRead {
	/** The room or webcast ID asked for. */
	id: string;
	records: JsonRecord[];
	credentials: GenseeCredentials;
}

/**
 * Reads the room or webcast ID and the time window, fetches one export and gives its items,
 * then the answers whose records were not found, each with the ID.
 */
export async function exportItems(
	context: IExecuteFunctions,
	itemIndex: number,
	request: Pick<ExportRequest, 'endpoint' | 'listKeys'>,
	toItems: (read: ExportRead) => IDataObject[],
): Promise<IDataObject[]> {
	const credentials = await genseeCredentials.call(context);
	const id = requiredText(context, 'id', itemIndex, 'Room or Webcast ID');
	const window = readWindow(context, itemIndex, credentials.timeZone);
	const result = await exportRecords.call(context, credentials, { ...request, id, ...window });
	return [
		...toItems({ id, records: result.records, credentials }),
		...result.unexpected.map((entry) => ({ roomId: id, ...entry })),
	];
}
