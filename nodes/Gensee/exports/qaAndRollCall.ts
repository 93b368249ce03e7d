import type { IDataObject } from 'n8n-workflow';

import { isRecord, type JsonRecord } from '../../shared/guards';
import { uidText } from './attendance';
import { withGenseeIsoTimes } from './times';

function order(field: string) {
	return (a: JsonRecord, b: JsonRecord): number => {
		const left = Number(a[field]);
		const right = Number(b[field]);
		return (Number.isFinite(left) ? left : 0) - (Number.isFinite(right) ? right : 0);
	};
}

/** Gensee's "true"/"false" (or a real boolean, or 1/0) as a boolean; anything else stays as sent. */
function flag(value: IDataObject[string]): IDataObject[string] {
	if (value === true || value === 'true' || value === 1 || value === '1') return true;
	if (value === false || value === 'false' || value === 0 || value === '0') return false;
	return value;
}

/** One item per question, by submit time: Gensee's fields, ISO twins, uids as text. */
export function questionItems(
	records: readonly JsonRecord[],
	roomId: string,
	zone: string,
): IDataObject[] {
	return [...records].sort(order('submitTime')).map((record) => {
		const item: IDataObject = { roomId, ...withGenseeIsoTimes(record, zone) };
		if ('submitter' in record) item.submitter = uidText(record.submitter);
		if ('answerBy' in record) item.answerBy = uidText(record.answerBy);
		if ('published' in record) item.published = flag(record.published);
		return item;
	});
}

/** One item per roll call, by start time; each user's `present` becomes a boolean. */
export function rollCallItems(
	records: readonly JsonRecord[],
	roomId: string,
	zone: string,
): IDataObject[] {
	return [...records].sort(order('startTime')).map((record) => {
		const item: IDataObject = { roomId, ...withGenseeIsoTimes(record, zone) };
		if (Array.isArray(record.users)) {
			item.users = record.users.filter(isRecord).map((user) => ({
				...user,
				id: uidText(user.id),
				present: flag(user.present),
			}));
		}
		return item;
	});
}
