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
	const nextId =
		typeof next === 'number' || (typeof next === 'string' && next !== '') ? String(next) : null;
	return { list, nextId, total: typeof record.total === 'number' ? record.total : undefined };
}

export interface PageWalk {
	/** The `nextId` the first page starts at; null (the default) for the list's first page. */
	startAt?: string | null;
	/** Asked before each page; false ends the walk there (limit reached, time up). */
	wantsMore: () => boolean;
	fetchPage: (nextId: string | null) => Promise<AgoraPage>;
	takePage: (page: AgoraPage) => void;
}

/**
 * Walks a list page by page, following `nextId`, until the list ends or `wantsMore` says stop.
 * A page that repeats an earlier `nextId` ends the list instead of looping forever. Resolves
 * true when the end of the list was reached, false when the walk was stopped before it.
 */
export async function walkPages({
	startAt = null,
	wantsMore,
	fetchPage,
	takePage,
}: PageWalk): Promise<boolean> {
	const seen = new Set<string>();
	let nextId = startAt;
	while (wantsMore()) {
		const page = await fetchPage(nextId);
		takePage(page);
		if (page.nextId === null || page.list.length === 0 || seen.has(page.nextId)) return true;
		seen.add(page.nextId);
		nextId = page.nextId;
	}
	return false;
}

/**
 * Collects entries page by page from `fetchPage(nextId)` (null for the first page) until the list
 * ends, or until `limit` entries when Return All is off.
 */
export async function collectPages(
	fetchPage: (nextId: string | null) => Promise<AgoraPage>,
	{ returnAll, limit }: PagingLimit,
): Promise<JsonRecord[]> {
	const wanted = returnAll ? Number.POSITIVE_INFINITY : Math.max(0, limit ?? 50);
	const entries: JsonRecord[] = [];
	await walkPages({
		wantsMore: () => entries.length < wanted,
		fetchPage,
		takePage: (page) => entries.push(...page.list),
	});
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
