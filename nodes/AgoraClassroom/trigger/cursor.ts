import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../../shared/guards';

/**
 * Where a source's reading stands. `next` is the first sequence not yet handled: reading resumes
 * with `nextId = next`, as Agora's own client does. `existed` says the classroom was found at
 * least once since the cursor was made: a 404 then means it was destroyed; before, it means it
 * has not been created yet, and its events are emitted from the first one once it appears.
 */
export interface SourceCursor {
	next: number;
	existed: boolean;
}

/** The trigger's part of the workflow's static data. */
export interface CursorStore {
	cursors: Record<string, SourceCursor>;
}

function isCursor(value: unknown): value is SourceCursor {
	return (
		isRecord(value) &&
		typeof value.next === 'number' &&
		Number.isInteger(value.next) &&
		value.next >= 0 &&
		typeof value.existed === 'boolean'
	);
}

/** Reads the saved cursors, ignoring anything that does not look like one. */
export function readCursors(staticData: IDataObject): Map<string, SourceCursor> {
	const cursors = new Map<string, SourceCursor>();
	const stored = staticData.cursors;
	if (!isRecord(stored)) return cursors;
	for (const [key, value] of Object.entries(stored)) {
		if (isCursor(value)) cursors.set(key, { next: value.next, existed: value.existed });
	}
	return cursors;
}

/**
 * Saves the cursors of the sources still watched (a room removed from the list loses its
 * cursor). Called only once the poll has its result, so a failed poll changes nothing.
 */
export function writeCursors(
	staticData: IDataObject,
	cursors: ReadonlyMap<string, SourceCursor>,
): void {
	const stored: IDataObject = {};
	for (const [key, cursor] of cursors) stored[key] = { next: cursor.next, existed: cursor.existed };
	staticData.cursors = stored;
}
