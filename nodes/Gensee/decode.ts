import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { buildEventItem, type EventEnvelope } from '../shared/envelope';
import { epochMillisToIso, epochSecondsToIso, nowIso } from '../shared/time';
import {
	GENSEE_PLATFORM,
	GENSEE_TIME_ZONE,
	genseeAction,
	genseeInterfaceInfo,
	type GenseeInterface,
} from './events';
import { param, platformFields, type GenseeParams } from './params';
import type { QaAnswer, QaDocument } from './qaXml';

/** Status and VOD parameters that are counts; every other parameter stays a string (ids exceed 2^31). */
const NUMERIC_PARAMETERS = ['Action', 'totalusernum'];

/** Gensee documents seconds; milliseconds are accepted too. */
export function genseeTimeToIso(value: string | undefined): string | undefined {
	if (value === undefined || !/^\d{9,13}$/.test(value.trim())) return undefined;
	const number = Number(value);
	return number >= 1e11
		? epochMillisToIso(number, GENSEE_TIME_ZONE)
		: epochSecondsToIso(number, GENSEE_TIME_ZONE);
}

function asNumber(value: string | undefined): number | string | undefined {
	if (value === undefined) return undefined;
	const number = Number(value);
	return value.trim() !== '' && Number.isFinite(number) ? number : value;
}

/** Status (101–110) and VOD (111/112) callbacks: one item per request. */
function decodeAction(
	kind: GenseeInterface,
	params: GenseeParams,
	receivedAt: string,
): INodeExecutionData {
	const fields: IDataObject = {};
	// The documented names first and exactly spelled, whatever casing the request used.
	for (const name of ['ClassNo', 'Operator', 'Action', 'Affected', 'totalusernum']) {
		const value = param(params, name);
		if (value !== undefined)
			fields[name] = NUMERIC_PARAMETERS.includes(name) ? asNumber(value) : value;
	}
	const documented = new Set(Object.keys(fields).map((name) => name.toLowerCase()));
	for (const [key, value] of Object.entries(platformFields(params))) {
		if (!documented.has(key.toLowerCase())) fields[key] = value;
	}

	const code = param(params, 'Action')?.trim() ?? '';
	const action = genseeAction(Number(code));
	return buildEventItem(
		{
			platform: GENSEE_PLATFORM,
			event: code === '' ? genseeInterfaceInfo(kind).event : code,
			eventName: action?.name ?? `Gensee action ${code}`.trim(),
			occurredAt: receivedAt,
			receivedAt,
		},
		{ interface: kind, category: action?.category ?? 'unknown', ...fields },
	);
}

/**
 * An item of an interface with one event code of its own (all but status and VOD): `interface`
 * and `fields` first, then the request's fields under their own names.
 */
function interfaceItem(
	kind: GenseeInterface,
	when: Pick<EventEnvelope, 'eventId' | 'occurredAt' | 'receivedAt'>,
	params: GenseeParams,
	fields: IDataObject = {},
): INodeExecutionData {
	const info = genseeInterfaceInfo(kind);
	return buildEventItem(
		{ platform: GENSEE_PLATFORM, event: info.event, eventName: info.eventName, ...when },
		{ interface: kind, ...fields, ...platformFields(params) },
	);
}

function answerFields(answer: QaAnswer): IDataObject {
	const time = typeof answer.time === 'string' ? genseeTimeToIso(answer.time) : undefined;
	return time === undefined ? { ...answer } : { ...answer, timeIso: time };
}

/** Client Q&A: one item per question, with its answers. */
export function decodeQaDocument(
	document: QaDocument,
	params: GenseeParams,
	receivedAt: string,
): INodeExecutionData[] {
	const questions =
		document.questions.length > 0
			? document.questions
			: [{ attributes: {}, text: '', answers: [] }];
	return questions.map((question) => {
		const { id, time, uid, uname, ...otherAttributes } = question.attributes;
		const askedAt = genseeTimeToIso(time);
		return interfaceItem(
			'qaClient',
			{ eventId: id, occurredAt: askedAt ?? receivedAt, receivedAt },
			params,
			{
				webcastId: document.webcastId,
				questionId: id,
				question: question.text,
				uid,
				uname,
				time,
				timeIso: askedAt,
				answers: question.answers.map(answerFields),
				...(Object.keys(otherAttributes).length > 0 ? { questionAttributes: otherAttributes } : {}),
				...(document.unassignedAnswers.length > 0
					? { unassignedAnswers: document.unassignedAnswers.map(answerFields) }
					: {}),
			},
		);
	});
}

/** Web Q&A, roll call, end page and co-browse: the request's fields under their own names. */
function decodeFields(
	kind: GenseeInterface,
	params: GenseeParams,
	receivedAt: string,
): INodeExecutionData {
	return interfaceItem(kind, { occurredAt: receivedAt, receivedAt }, params);
}

export function decodeRequest(
	kind: Exclude<GenseeInterface, 'qaClient'>,
	params: GenseeParams,
	receivedAtMs: number,
): INodeExecutionData {
	const receivedAt = nowIso(GENSEE_TIME_ZONE, receivedAtMs);
	return kind === 'status' || kind === 'vod'
		? decodeAction(kind, params, receivedAt)
		: decodeFields(kind, params, receivedAt);
}
