import type { IDataObject } from 'n8n-workflow';

import { isPrototypeKey, isRecord, type JsonRecord } from '../shared/guards';
import { integer } from './events';

/**
 * Agora widget events (cmd 1110) come in several spellings for the same thing: changed keys
 * flattened (`"extra.answerState"`) or nested (`extra: {answerState}`), the poll state as
 * `pollState` or `pollingState`, the quiz id as `popQuizId` or `popupQuizId`. This reads them all
 * into one shape.
 */

export const POPUP_QUIZ_WIDGET = 'popupQuiz';
export const POLL_WIDGET = 'poll';

export type WidgetKind = 'popupQuiz' | 'poll' | 'other';

export interface NormalisedWidget {
	widgetUuid: string;
	kind: WidgetKind;
	/** `cause.action`: 1 teacher starts, 2 teacher ends, 3 student submits, 4 summary sync. */
	causeAction?: number;
	/** What happened, in plain words: "Quiz started", "Poll voted", … */
	activity: string;
	quizId?: string;
	pollId?: string;
	/** Widget state (`changeProperties.state`): 1 open, 0 closed. */
	state?: number;
	/** Quiz round state (`extra.answerState`): 1 in progress, 0 ended. */
	answerState?: number;
	/** Poll round state (`extra.pollState` or `extra.pollingState`): 1 in progress, 0 ended. */
	pollState?: number;
	/** The changed properties with flattened keys expanded and merged into nested objects. */
	properties: IDataObject;
}

/** `{"extra.a": 1, extra: {b: 2}}` → `{extra: {a: 1, b: 2}}`. */
export function expandFlattenedKeys(properties: JsonRecord): IDataObject {
	const expanded: IDataObject = {};
	const entries = Object.entries(properties).sort(
		([a], [b]) => a.split('.').length - b.split('.').length,
	);
	for (const [key, value] of entries) {
		const path = key.split('.');
		if (path.some((part) => part === '' || isPrototypeKey(part))) continue;
		let target: IDataObject = expanded;
		for (const part of path.slice(0, -1)) {
			const existing = target[part];
			const next: IDataObject = isRecord(existing) ? existing : {};
			target[part] = next;
			target = next;
		}
		const last = path[path.length - 1];
		const existing = target[last];
		target[last] =
			isRecord(existing) && isRecord(value)
				? { ...existing, ...expandFlattenedKeys(value) }
				: isRecord(value)
					? expandFlattenedKeys(value)
					: value;
	}
	return expanded;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

function firstDefined<T>(...values: Array<T | undefined>): T | undefined {
	return values.find((value) => value !== undefined);
}

function widgetKind(
	widgetUuid: string,
	properties: IDataObject,
	extra: IDataObject,
	cause: JsonRecord,
): WidgetKind {
	if (widgetUuid === POPUP_QUIZ_WIDGET) return 'popupQuiz';
	if (widgetUuid === POLL_WIDGET) return 'poll';
	if (
		'popQuizId' in cause ||
		'popupQuizId' in extra ||
		'popupQuizId' in properties ||
		'answerState' in extra ||
		'selectedItems' in properties
	) {
		return 'popupQuiz';
	}
	if (
		'pollId' in cause ||
		'pollId' in extra ||
		'pollId' in properties ||
		'pollState' in extra ||
		'pollingState' in extra ||
		'selectIndex' in properties
	) {
		return 'poll';
	}
	return 'other';
}

const ACTIVITY: Record<
	Exclude<WidgetKind, 'other'>,
	readonly [string, string, string, string, string]
> = {
	// [started, ended, submitted, summary, unknown]
	popupQuiz: [
		'Quiz started',
		'Quiz ended',
		'Quiz answered',
		'Quiz results updated',
		'Quiz changed',
	],
	poll: ['Poll started', 'Poll ended', 'Poll voted', 'Poll results updated', 'Poll changed'],
};

/**
 * What happened: from `cause.action` when Agora sends it, otherwise from the shape of the change
 * (Agora's own examples carry no `cause`): a learner's own answer, a round state of 1 or 0, or
 * only updated totals.
 */
function activityOf(
	kind: WidgetKind,
	causeAction: number | undefined,
	properties: IDataObject,
	roundState: number | undefined,
): string {
	if (kind === 'other') return 'Widget changed';
	const [started, ended, submitted, summary, unknown] = ACTIVITY[kind];
	switch (causeAction) {
		case 1:
			return started;
		case 2:
			return ended;
		case 3:
			return submitted;
		case 4:
			return summary;
		default:
			break;
	}
	if (
		'selectedItems' in properties ||
		'selectIndex' in properties ||
		'lastCommitTime' in properties
	)
		return submitted;
	const extra = isRecord(properties.extra) ? properties.extra : {};
	if ('selectIndex' in extra) return submitted;
	if (roundState === 1) return started;
	if (roundState === 0) return ended;
	if (
		'pollDetails' in extra ||
		'selectedCount' in extra ||
		'totalCount' in extra ||
		'correctCount' in extra
	)
		return summary;
	return unknown;
}

export function normaliseWidgetEvent(data: JsonRecord): NormalisedWidget {
	const properties = expandFlattenedKeys(
		isRecord(data.changeProperties) ? data.changeProperties : {},
	);
	const extra: IDataObject = isRecord(properties.extra) ? properties.extra : {};
	const cause: JsonRecord = isRecord(data.cause) ? data.cause : {};
	const widgetUuid = text(data.widgetUuid) ?? '';
	const kind = widgetKind(widgetUuid, properties, extra, cause);
	const causeAction = integer(cause.action);
	const answerState = integer(extra.answerState);
	const pollState = firstDefined(
		integer(extra.pollState),
		integer(extra.pollingState),
		integer(properties.pollState),
		integer(properties.pollingState),
	);
	const state = integer(properties.state);
	const roundState = kind === 'popupQuiz' ? answerState : kind === 'poll' ? pollState : undefined;

	const widget: NormalisedWidget = {
		widgetUuid,
		kind,
		activity: activityOf(kind, causeAction, properties, roundState),
		properties,
	};
	if (causeAction !== undefined) widget.causeAction = causeAction;
	const quizId = firstDefined(
		text(cause.popQuizId),
		text(cause.popupQuizId),
		text(extra.popupQuizId),
		text(extra.popQuizId),
		text(properties.popupQuizId),
		text(properties.popQuizId),
	);
	if (quizId !== undefined && kind === 'popupQuiz') widget.quizId = quizId;
	const pollId = firstDefined(text(cause.pollId), text(extra.pollId), text(properties.pollId));
	if (pollId !== undefined && kind === 'poll') widget.pollId = pollId;
	if (state !== undefined) widget.state = state;
	if (answerState !== undefined) widget.answerState = answerState;
	if (pollState !== undefined) widget.pollState = pollState;
	return widget;
}
