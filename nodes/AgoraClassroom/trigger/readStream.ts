import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { JsonRecord } from '../../shared/guards';
import { splitParsable } from '../decode';
import type { AgoraEvent } from '../events';
import { readPage } from '../transport/pagination';
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
	/** HTTP requests made, retries included. */
	requests: number;
}

export interface ReadLimits {
	/** Epoch milliseconds after which no further page is requested. */
	deadline: number;
	now?: () => number;
}

/**
 * Reads a source's events from sequence `from` (null: from its first event) to the end,
 * following `nextId` page by page (at most 100 per page). A page that fails for a passing reason
 * is retried; a failure that persists is thrown, and the caller keeps its cursor where it was.
 */
export async function readStream(
	context: IPollFunctions,
	source: RoomSource,
	from: number | null,
	{ deadline, now = Date.now }: ReadLimits,
): Promise<StreamRead> {
	const bySequence = new Map<number, AgoraEvent>();
	const unparsable: JsonRecord[] = [];
	const seenNextIds = new Set<string>();
	let nextId: string | null = from === null ? null : String(from);
	let requests = 0;
	let complete = false;

	while (now() < deadline) {
		const qs: IDataObject = nextId === null ? {} : { nextId };
		const page = readPage(
			await withRetries(
				async () => {
					requests++;
					return await agoraApiRequest.call(context, 'GET', sourcePath(source), undefined, qs);
				},
				deadline,
				now,
			),
		);
		const split = splitParsable(page.list);
		unparsable.push(...split.unparsable);
		for (const event of split.events) {
			if (from === null || event.sequence >= from) bySequence.set(event.sequence, event);
		}
		if (page.nextId === null || page.list.length === 0 || seenNextIds.has(page.nextId)) {
			complete = true;
			break;
		}
		seenNextIds.add(page.nextId);
		nextId = page.nextId;
	}

	const events = [...bySequence.values()].sort((a, b) => a.sequence - b.sequence);
	return { events, unparsable, complete, requests };
}
