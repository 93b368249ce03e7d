import { POLL_WIDGET, POPUP_QUIZ_WIDGET } from '../widget';

/** One event stream the trigger reads: a classroom's own sequence, or one widget's sequence in it. */
export interface RoomSource {
	roomUuid: string;
	/** Undefined for the classroom's own event sequence. */
	widgetUuid?: string;
}

export const CLASSROOM_STREAM = 'classroom';

export interface WatchSettings {
	roomIds: string[];
	/** `classroom`, `popupQuiz`, `poll`. */
	streams: string[];
	otherWidgetIds: string[];
}

/** The key a source's cursor is stored under; the prefix keeps IDs like `__proto__` harmless. */
export function cursorKey(source: RoomSource): string {
	return source.widgetUuid === undefined
		? `room:${source.roomUuid}`
		: `widget:${source.roomUuid}\u0000${source.widgetUuid}`;
}

/** API path segments of the source's event list. */
export function sourcePath(source: RoomSource): string[] {
	return source.widgetUuid === undefined
		? ['rooms', source.roomUuid, 'sequences']
		: ['rooms', source.roomUuid, 'widgets', source.widgetUuid, 'sequences'];
}

export function describeSource(source: RoomSource): string {
	return source.widgetUuid === undefined
		? `classroom "${source.roomUuid}"`
		: `widget "${source.widgetUuid}" of classroom "${source.roomUuid}"`;
}

function unique(values: readonly string[]): string[] {
	return [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
}

/** Every stream to read, classroom first, in the order the rooms were listed. */
export function watchedSources(settings: WatchSettings): RoomSource[] {
	const widgets = unique([
		...(settings.streams.includes(POPUP_QUIZ_WIDGET) ? [POPUP_QUIZ_WIDGET] : []),
		...(settings.streams.includes(POLL_WIDGET) ? [POLL_WIDGET] : []),
		...settings.otherWidgetIds,
	]);
	const sources: RoomSource[] = [];
	for (const roomUuid of unique(settings.roomIds)) {
		if (settings.streams.includes(CLASSROOM_STREAM)) sources.push({ roomUuid });
		for (const widgetUuid of widgets) sources.push({ roomUuid, widgetUuid });
	}
	return sources;
}

/** Widgets watched on their own stream: their changes are taken from there, not from the classroom's. */
export function separatelyWatchedWidgets(
	sources: readonly RoomSource[],
	roomUuid: string,
): Set<string> {
	return new Set(
		sources
			.filter((source) => source.roomUuid === roomUuid && source.widgetUuid !== undefined)
			.map((source) => source.widgetUuid ?? ''),
	);
}
