import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { decodeAgoraEvent, splitParsable } from '../../decode';
import { readPage } from '../../transport/pagination';
import { agoraApiRequest } from '../../transport/request';

export interface EventQuery {
	path: string[];
	/** Agora's `cmd` filter, when exactly one event type is wanted. */
	cmd?: number;
	/** Event types (`cmd`) to keep; empty keeps all. */
	cmds: number[];
	/** Only events with a higher sequence. */
	afterSequence?: number;
	returnAll: boolean;
	limit: number;
	includeRaw: boolean;
	oneItemPerUser: boolean;
}

/**
 * Reads an event list page by page (`nextId`, 100 per page), keeps the wanted event types and
 * decodes them into items in the common envelope, until the list ends or the limit is reached.
 */
export async function readEvents(context: IExecuteFunctions, query: EventQuery): Promise<INodeExecutionData[]> {
	const receivedAt = Date.now();
	const items: INodeExecutionData[] = [];
	const wanted = query.returnAll ? Number.POSITIVE_INFINITY : query.limit;
	const seen = new Set<string>();
	let nextId: string | null = query.afterSequence === undefined ? null : String(query.afterSequence + 1);
	let events = 0;
	while (events < wanted) {
		const qs: IDataObject = {};
		if (nextId !== null) qs.nextId = nextId;
		if (query.cmd !== undefined) qs.cmd = query.cmd;
		const page = readPage(await agoraApiRequest.call(context, 'GET', query.path, undefined, qs));
		const { events: parsed } = splitParsable(page.list);
		for (const event of parsed) {
			if (events >= wanted) break;
			if (query.afterSequence !== undefined && event.sequence <= query.afterSequence) continue;
			if (query.cmds.length > 0 && !query.cmds.includes(event.cmd)) continue;
			events++;
			items.push(...decodeAgoraEvent(event, { receivedAt, includeRaw: query.includeRaw, oneItemPerUser: query.oneItemPerUser }));
		}
		if (page.nextId === null || page.list.length === 0 || seen.has(page.nextId)) break;
		seen.add(page.nextId);
		nextId = page.nextId;
	}
	return items;
}
