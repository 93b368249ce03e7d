import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isRecord, type JsonRecord } from '../../shared/guards';
import type { GenseeCredentials } from '../transport/credentials';
import { genseeApiRequest } from '../transport/request';
import { isoInZone, toGenseeTime } from './times';
import { splitWindow } from './window';

export interface ExportRequest {
	/** e.g. `export/history`, below the site's training/ or webcast/ API. */
	endpoint: string;
	/** Where the records may sit in Gensee's answer, most likely first. */
	listKeys: readonly string[];
	/** The room (training) or webcast ID. */
	id: string;
	start: number;
	end: number;
}

export interface ExportResult {
	/** Every record of every window, each once. */
	records: JsonRecord[];
	/** Answers whose records could not be found, kept whole so nothing is dropped unseen. */
	unexpected: IDataObject[];
	calls: number;
}

/** The ID parameter of an export: training exports take `roomId`, webcast ones `webcastId`. */
export function idParameter(credentials: Pick<GenseeCredentials, 'siteKind'>): string {
	return credentials.siteKind === 'webcast' ? 'webcastId' : 'roomId';
}

/**
 * The records of one answer: the first of `listKeys` that holds a list, or a lone record (a roll
 * call may come as one object). Undefined when none of them is there.
 */
function recordsOf(answer: JsonRecord, listKeys: readonly string[]): JsonRecord[] | undefined {
	for (const key of listKeys) {
		const value = answer[key];
		if (Array.isArray(value)) return value.filter(isRecord);
		if (isRecord(value)) return [value];
	}
	return undefined;
}

/** A record's identity across windows: the same visit, question or roll call twice reads the same. */
function recordKey(record: JsonRecord): string {
	return JSON.stringify(record);
}

/**
 * Runs an export over [start, end], one call per window of at most 7 days, and gathers the
 * records. Empty lists are normal; an answer without any of the expected keys is kept whole.
 */
export async function exportRecords(
	this: IExecuteFunctions,
	credentials: GenseeCredentials,
	request: ExportRequest,
): Promise<ExportResult> {
	const seen = new Set<string>();
	const result: ExportResult = { records: [], unexpected: [], calls: 0 };
	for (const window of splitWindow(request.start, request.end)) {
		const answer = await genseeApiRequest.call(this, request.endpoint, {
			[idParameter(credentials)]: request.id,
			startTime: toGenseeTime(window.start, credentials.timeZone),
			endTime: toGenseeTime(window.end, credentials.timeZone),
		});
		result.calls++;
		const records = recordsOf(answer, request.listKeys);
		if (records === undefined) {
			const keys = Object.keys(answer).filter((key) => key !== 'code' && key !== 'message');
			if (keys.length === 0) continue; // Only `code` "0": nothing in this window.
			result.unexpected.push({
				warning: `Gensee's answer to ${request.endpoint} had none of the keys ${request.listKeys.join(', ')}; it is kept whole under "raw".`,
				windowStart: isoInZone(window.start, credentials.timeZone),
				windowEnd: isoInZone(window.end, credentials.timeZone),
				raw: answer,
			});
			continue;
		}
		for (const record of records) {
			const key = recordKey(record);
			if (seen.has(key)) continue;
			seen.add(key);
			result.records.push(record);
		}
	}
	return result;
}
