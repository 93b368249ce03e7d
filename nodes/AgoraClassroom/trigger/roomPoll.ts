import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { thrownMessage } from '../../shared/actions/http';
import { isChosen } from '../../shared/choice';
import { AGORA_CODES, isAgoraApiError } from '../transport/errors';
import { readCursors, writeCursors, type SourceCursor } from './cursor';
import { roomGoneItem, sourceEventItems, unparsableItems } from './items';
import { ROOM_GONE_EVENT } from './outputs';
import { readStream, type StreamRead } from './readStream';
import type { TriggerSettings } from './settings';
import { cursorKey, describeSource, type RoomSource } from './sources';

export interface RoomPollResult {
	/** Items in emission order: source by source, each in sequence order. */
	items: INodeExecutionData[];
	/** Sources whose reading failed after retries; their cursors stayed where they were. */
	failures: Array<{ source: RoomSource; error: unknown }>;
}

function isRoomNotFound(error: unknown): boolean {
	return isAgoraApiError(error) && error.agora.code === AGORA_CODES.roomNotFound;
}

/** The last sequence read plus one, or where reading started when there was nothing new. */
function advanced(cursor: SourceCursor, read: StreamRead): SourceCursor {
	const last = read.events.at(-1);
	return { next: last === undefined ? cursor.next : last.sequence + 1, existed: true };
}

/**
 * One poll over the watched classrooms. Each source resumes from its cursor; a source seen for
 * the first time starts from its newest event (nothing emitted) unless the user asked for the
 * events already there. Cursors are written to `staticData` only here, at the end, and only for
 * sources read to a result: a failed source is read again from the same place next time.
 */
export async function pollRooms(
	context: IPollFunctions,
	sources: readonly RoomSource[],
	settings: TriggerSettings,
	staticData: IDataObject,
	deadline: number,
): Promise<RoomPollResult> {
	const receivedAt = Date.now();
	const saved = readCursors(staticData);
	const cursors = new Map<string, SourceCursor>();
	const items: INodeExecutionData[] = [];
	const failures: RoomPollResult['failures'] = [];
	const goneRooms = new Set<string>();

	for (const source of sources) {
		const key = cursorKey(source);
		const cursor = saved.get(key);
		if (Date.now() >= deadline) {
			if (cursor !== undefined) cursors.set(key, cursor);
			continue;
		}
		try {
			if (cursor === undefined && !settings.includeExisting) {
				// First sight: remember where the stream ends now; what follows is new.
				const read = await readStream(context, source, null, deadline);
				const last = read.events.at(-1);
				// Cut short by the time limit, the end is not known yet: the next poll looks again.
				if (read.complete)
					cursors.set(key, { next: last === undefined ? 0 : last.sequence + 1, existed: true });
				continue;
			}
			const from = cursor ?? { next: 0, existed: false };
			const read = await readStream(context, source, from.next, deadline);
			cursors.set(key, advanced(from, read));
			items.push(...unparsableItems(read.unparsable, receivedAt));
			items.push(...sourceEventItems(read.events, source, sources, { settings, receivedAt }));
		} catch (error) {
			if (isRoomNotFound(error)) {
				if (cursor?.existed === true && !goneRooms.has(source.roomUuid)) {
					goneRooms.add(source.roomUuid);
					if (isChosen(settings.eventTypes, ROOM_GONE_EVENT)) {
						items.push(roomGoneItem(source.roomUuid, receivedAt));
					}
				}
				// Not there (yet, or any more): its events are emitted from the first once it exists.
				cursors.set(key, { next: 0, existed: false });
				continue;
			}
			if (cursor !== undefined) cursors.set(key, cursor);
			failures.push({ source, error });
		}
	}

	// Sources that failed on their first sight keep no cursor, so the next poll takes it again.
	writeCursors(staticData, cursors);
	return { items, failures };
}

export function failureSummary(failures: RoomPollResult['failures']): string {
	return failures
		.map(({ source, error }) => `${describeSource(source)}: ${thrownMessage(error)}`)
		.join('; ');
}
