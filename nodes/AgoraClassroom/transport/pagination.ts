import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { isRecord, type JsonRecord } from '../../shared/guards';
import { agoraApiRequest, type AgoraContext } from './request';

/** Agora hands out at most this many entries per page. */
export const AGORA_PAGE_SIZE = 100;

/** One page of a list: `nextId` is where the next page starts, null when there is none. */
export interface AgoraPage {
	list: JsonRecord[];
	nextId: string | null;
	total?: number;
}

export interface PagingLimit {
	returnAll: boolean;
	/** Used when returnAll is off. */
	limit?: number;
}

export function readPage(data: unknown): AgoraPage {
	const record = isRecord(data) ? data : {};
	const list = Array.isArray(record.list) ? record.list.filter(isRecord) : [];
	const next = record.nextId;
	const nextId = typeof next === 'number' || (typeof next === 'string' && next !== '') ? String(next) : null;
	return { list, nextId, total: typeof record.total === 'number' ? record.total : undefined };
}

/**
 * Collects entries page by page from `fetchPage(nextId)` (null for the first page) until the list
 * ends, or until `limit` entries when Return All is off. A page that repeats the previous
 * `nextId` ends the walk instead of looping forever.
 */
export async function collectPages(
	fetchPage: (nextId: string | null) => Promise<AgoraPage>,
	{ returnAll, limit }: PagingLimit,
): Promise<JsonRecord[]> {
	const wanted = returnAll ? Number.POSITIVE_INFINITY : Math.max(0, limit ?? 50);
	const entries: JsonRecord[] = [];
	let nextId: string | null = null;
	const seen = new Set<string>();
	while (entries.length < wanted) {
		const page = await fetchPage(nextId);
		entries.push(...page.list);
		if (page.nextId === null || page.list.length === 0 || seen.has(page.nextId)) break;
		seen.add(page.nextId);
		nextId = page.nextId;
	}
	return entries.slice(0, wanted);
}

/** GETs an Agora list endpoint, following `nextId` (Return All) or up to a limit. */
export async function agoraApiRequestAllItems(
	this: AgoraContext,
	method: IHttpRequestMethods,
	path: readonly string[],
	qs: IDataObject,
	paging: PagingLimit,
): Promise<JsonRecord[]> {
	return await collectPages(async (nextId) => {
		const query: IDataObject = { ...qs };
		if (nextId !== null) query.nextId = nextId;
		return readPage(await agoraApiRequest.call(this, method, path, undefined, query));
	}, paging);
}
