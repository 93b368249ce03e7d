import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { decodeAgoraEvent, splitParsable } from '../../decode';
import { isChosenEventType } from '../../eventTypeFilter';
import { readPage, walkPages } from '../../transport/pagination';
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
export async function readEvents(
	context: IExecuteFunctions,
	query: EventQuery,
): Promise<INodeExecutionData[]> {
	const receivedAt = Date.now();
	const items: INodeExecutionData[] = [];
	const wanted = query.returnAll ? Number.POSITIVE_INFINITY : query.limit;
	let events = 0;
	await walkPages({
		startAt: query.afterSequence === undefined ? null : String(query.afterSequence + 1),
		wantsMore: () => events < wanted,
		fetchPage: async (nextId) => {
			const qs: IDataObject = {};
			if (nextId !== null) qs.nextId = nextId;
			if (query.cmd !== undefined) qs.cmd = query.cmd;
			return readPage(await agoraApiRequest.call(context, 'GET', query.path, undefined, qs));
		},
		takePage: (page) => {
			for (const event of splitParsable(page.list).events) {
				if (events >= wanted) break;
				if (query.afterSequence !== undefined && event.sequence <= query.afterSequence) continue;
				if (!isChosenEventType(query.cmds, event.cmd)) continue;
				events++;
				items.push(
					...decodeAgoraEvent(event, {
						receivedAt,
						includeRaw: query.includeRaw,
						oneItemPerUser: query.oneItemPerUser,
					}),
				);
			}
		},
	});
	return items;
}
