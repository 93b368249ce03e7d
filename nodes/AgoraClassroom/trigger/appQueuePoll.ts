import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { splitParsable } from '../decode';
import { readPage, AGORA_PAGE_SIZE } from '../transport/pagination';
import { agoraApiRequest } from '../transport/request';
import { eventItems, unparsableItems } from './items';
import { withRetries } from './retry';
import type { TriggerSettings } from './settings';

/** The queue's endpoint below `…/edu/polling/apps/{appId}/v2/`. */
const QUEUE_PATH = ['rooms', 'sequences'];

/** At most this many pages per poll; the rest waits in Agora's queue for the next poll. */
const MAX_PAGES_PER_POLL = 100;

export interface QueueRead {
	items: INodeExecutionData[];
	/** A failure after some pages were taken: those are still emitted, because Agora hands them out once. */
	error?: unknown;
}

/**
 * Takes events of every classroom from Agora's app-wide queue. Agora removes what it hands out,
 * so everything taken is emitted (after the event-type filter): there is no cursor to keep.
 * `maxPages` is 1 for "Fetch Test Event".
 */
export async function takeFromAppQueue(
	context: IPollFunctions,
	settings: TriggerSettings,
	deadline: number,
	maxPages = MAX_PAGES_PER_POLL,
): Promise<QueueRead> {
	const receivedAt = Date.now();
	const items: INodeExecutionData[] = [];
	for (let page = 0; page < maxPages && Date.now() < deadline; page++) {
		let data: unknown;
		try {
			data = await withRetries(
				async () =>
					await agoraApiRequest.call(
						context,
						'GET',
						QUEUE_PATH,
						undefined,
						{ count: AGORA_PAGE_SIZE },
						{ api: 'polling' },
					),
				deadline,
			);
		} catch (error) {
			return { items, error };
		}
		const { list } = readPage(data);
		const { events, unparsable } = splitParsable(list);
		items.push(...unparsableItems(unparsable, receivedAt));
		items.push(...eventItems(events, { settings, receivedAt }));
		if (list.length < AGORA_PAGE_SIZE) break;
	}
	return { items };
}
