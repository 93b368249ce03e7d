import type { IDataObject } from 'n8n-workflow';

import type { JsonRecord } from '../shared/guards';

/** Qingsuyun sends scores as numbers; numeric strings are read too, anything else is unknown. */
function numberValue(value: JsonRecord[string]): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const parsed = Number(value);
	return Number.isFinite(parsed) ? parsed : undefined;
}

function oneDecimal(value: number): number {
	return Math.round(value * 10) / 10;
}

/** `judged` is 1 once the paper is marked; null, empty or 0 while it waits for a marker. */
function isMarked(judged: JsonRecord[string]): boolean {
	const value = numberValue(judged);
	return value !== undefined && value !== 0;
}

/**
 * `answerSheet`: whether the learner passed (null while the paper waits for manual marking, when
 * the score is not final), whether it needs marking, and the score as a percentage of the paper.
 */
export function examResultFields(eventBody: JsonRecord): IDataObject {
	const marked = isMarked(eventBody.judged);
	const realScore = numberValue(eventBody.realScore);
	const passScore = numberValue(eventBody.passScore);
	const totalScore = numberValue(eventBody.totalScore);
	return {
		passed:
			marked && realScore !== undefined && passScore !== undefined ? realScore >= passScore : null,
		needsMarking: !marked,
		scorePercent:
			realScore !== undefined && totalScore !== undefined && totalScore > 0
				? oneDecimal((realScore / totalScore) * 100)
				: null,
	};
}

const PERCENT_TEXT = /^\s*(-?\d+(?:\.\d+)?)\s*%?\s*$/;

/** `clockFinish`: `rightRatio` ("85.50%") as the number 85.5. */
export function checkInResultFields(eventBody: JsonRecord): IDataObject {
	const ratio = eventBody.rightRatio;
	const match = typeof ratio === 'string' ? PERCENT_TEXT.exec(ratio) : null;
	return {
		rightRatioPercent: match !== null ? Number(match[1]) : typeof ratio === 'number' ? ratio : null,
	};
}

/** Fields computed from the event, so that a workflow can decide without a Code node. */
export function computedFields(type: string, eventBody: JsonRecord): IDataObject {
	if (type === 'answerSheet') return examResultFields(eventBody);
	if (type === 'clockFinish') return checkInResultFields(eventBody);
	return {};
}
