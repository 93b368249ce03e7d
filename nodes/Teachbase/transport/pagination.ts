import type { IDataObject } from 'n8n-workflow';

import { isRecord, type JsonRecord } from '../../shared/guards';
import { teachbaseApiCall, type TeachbaseContext } from './request';

/** Teachbase hands out at most this many records per page. */
export const MAX_PER_PAGE = 100;

export interface PagingLimit {
	returnAll: boolean;
	/** Used when returnAll is off. */
	limit?: number;
}

/** Keys a list might hide under if Teachbase ever wraps it; every known client sees a bare array. */
const LIST_KEYS = ['data', 'items', 'results', 'courses', 'course_sessions', 'users'];

/**
 * The records of a list answer: a JSON array (what Teachbase sends), or an array under one of
 * the usual wrapper keys. Undefined when the answer holds no list at all.
 */
export function listOf(body: unknown): JsonRecord[] | undefined {
	if (Array.isArray(body)) return body.filter(isRecord);
	if (isRecord(body)) {
		for (const key of LIST_KEYS) {
			const value = body[key];
			if (Array.isArray(value)) return value.filter(isRecord);
		}
	}
	return undefined;
}

/** The `Total` header of Rails' api-pagination, when Teachbase sends it. */
function totalOf(headers: Record<string, string>): number | undefined {
	const total = Number(headers.total);
	return headers.total !== undefined && Number.isInteger(total) && total >= 0 ? total : undefined;
}

/**
 * GETs a Teachbase list page by page (`page` from 1, `per_page` up to 100) until a short or
 * empty page, the `Total` header's count, or `limit` records when Return All is off.
 */
export async function teachbaseApiRequestAllItems(
	this: TeachbaseContext,
	path: ReadonlyArray<string | number>,
	qs: IDataObject,
	{ returnAll, limit }: PagingLimit,
): Promise<JsonRecord[]> {
	const wanted = returnAll ? Number.POSITIVE_INFINITY : Math.max(1, Math.floor(limit ?? 50));
	const perPage = Math.min(MAX_PER_PAGE, wanted);
	const records: JsonRecord[] = [];
	for (let page = 1; records.length < wanted; page++) {
		const reply = await teachbaseApiCall.call(this, 'GET', path, undefined, {
			...qs,
			page,
			per_page: perPage,
		});
		const list = listOf(reply.body);
		if (list === undefined) {
			throw new UnexpectedListError(reply.body);
		}
		records.push(...list);
		const total = totalOf(reply.headers);
		if (list.length < perPage || (total !== undefined && page * perPage >= total)) break;
	}
	return records.slice(0, wanted);
}

/** A list endpoint answered with something that holds no list: said plainly, with an excerpt. */
export class UnexpectedListError extends Error {
	constructor(body: unknown) {
		const excerpt = JSON.stringify(body ?? null).slice(0, 300);
		super(`Teachbase answered with something other than a list: ${excerpt}`);
		this.name = 'UnexpectedListError';
	}
}
