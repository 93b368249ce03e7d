import type { IPollFunctions } from 'n8n-workflow';

import type { JsonRecord } from '../../shared/guards';
import { splitParsable } from '../decode';
import type { AgoraEvent } from '../events';
import { readPage, walkPages } from '../transport/pagination';
import { agoraApiRequest } from '../transport/request';
import { withRetries } from './retry';
import { sourcePath, type RoomSource } from './sources';

export interface StreamRead {
	/** Events with a sequence at or above the start, in sequence order, each once. */
	events: AgoraEvent[];
	/** List entries that are not events (no numeric cmd or sequence): flagged, never dropped. */
	unparsable: JsonRecord[];
	/** False when the poll's time ran out before the end of the stream: `events` is then a prefix of it. */
	complete: boolean;
}

/**
 * Reads a source's events from sequence `from` (null: from its first event) to the end,
 * following `nextId` page by page (at most 100 per page), requesting no page after `deadline`
 * (epoch milliseconds). A page that fails for a transient reason is retried; a failure that
 * persists is thrown, and the caller keeps its cursor where it was.
 */
export async function readStream(
	context: IPollFunctions,
	source: RoomSource,
	from: number | null,
	deadline: number,
): Promise<StreamRead> {
	const bySequence = new Map<number, AgoraEvent>();
	const unparsable: JsonRecord[] = [];
	const complete = await walkPages({
		startAt: from === null ? null : String(from),
		wantsMore: () => Date.now() < deadline,
		fetchPage: async (nextId) =>
			readPage(
				await withRetries(
					async () =>
						await agoraApiRequest.call(
							context,
							'GET',
							sourcePath(source),
							undefined,
							nextId === null ? {} : { nextId },
						),
					deadline,
				),
			),
		takePage: (page) => {
			const split = splitParsable(page.list);
			unparsable.push(...split.unparsable);
			for (const event of split.events) {
				if (from === null || event.sequence >= from) bySequence.set(event.sequence, event);
			}
		},
	});
	const events = [...bySequence.values()].sort((a, b) => a.sequence - b.sequence);
	return { events, unparsable, complete };
}
