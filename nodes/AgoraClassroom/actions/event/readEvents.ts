import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { chosenEvents, decodeEvents, type EventChoice } from '../../chosenEvents';
import { splitParsable } from '../../decode';
import type { AgoraEvent } from '../../events';
import { readPage, walkPages } from '../../transport/pagination';
import { agoraApiRequest } from '../../transport/request';

/** Where to read events: a sequence list, optionally one event type, optionally after a sequence. */
export interface EventSource {
	path: string[];
	/** Agora's `cmd` filter: one event type (the API takes only one). */
	cmd?: number;
	/** Only events with a higher sequence. */
	afterSequence?: number;
}

export interface EventQuery extends EventSource, EventChoice {
	returnAll: boolean;
	limit: number;
}

/**
 * Reads an event list page by page (`nextId`, 100 per page), handing each page's events (entries
 * that are not events left out) to `takeEvents`, until the list ends or `wantsMore` says stop.
 */
export async function walkEventPages(
	context: IExecuteFunctions,
	source: EventSource,
	wantsMore: () => boolean,
	takeEvents: (events: AgoraEvent[]) => void,
): Promise<void> {
	const after = source.afterSequence;
	await walkPages({
		startAt: after === undefined ? null : String(after + 1),
		wantsMore,
		fetchPage: async (nextId) => {
			const qs: IDataObject = {};
			if (nextId !== null) qs.nextId = nextId;
			if (source.cmd !== undefined) qs.cmd = source.cmd;
			return readPage(await agoraApiRequest.call(context, 'GET', source.path, undefined, qs));
		},
		takePage: (page) =>
			takeEvents(
				splitParsable(page.list).events.filter(
					(event) => after === undefined || event.sequence > after,
				),
			),
	});
}

/**
 * Reads an event list page by page, keeps the wanted event types and decodes them into items in
 * the common envelope, until the list ends or the limit is reached.
 */
export async function readEvents(
	context: IExecuteFunctions,
	query: EventQuery,
): Promise<INodeExecutionData[]> {
	const receivedAt = Date.now();
	const items: INodeExecutionData[] = [];
	const wanted = query.returnAll ? Number.POSITIVE_INFINITY : query.limit;
	let events = 0;
	await walkEventPages(
		context,
		query,
		() => events < wanted,
		(page) => {
			const taken: AgoraEvent[] = [];
			for (const event of chosenEvents(page, query.eventTypes)) {
				if (events >= wanted) break;
				events++;
				taken.push(event);
			}
			items.push(...decodeEvents(taken, query, receivedAt));
		},
	);
	return items;
}
