/**
 * The valid Qingsuyun callback every hostile request starts from, and what the corpus's parts
 * share: the secret, the two workflows' webhooks and content types.
 */
import {
	QINGSUYUN_SAMPLE_TYPES,
	qingsuyunSample,
	type QingsuyunSampleType,
} from '../../../support/samples/qingsuyun.mjs';

export const SECRET = '7c1e9a40d2b84f6e93a5c0d1e2f3a4b5';

/** Every event type, no options: accepted events and flagged unreadable ones start the workflow. */
export const ALL = 'qsy-hostile/qingsuyun';
/** Exams only, unreadable requests rejected with 400, raw payload included. */
export const EXAMS = 'qsy-hostile-exams/qingsuyun';

export type Fields = Record<string, unknown>;

/**
 * A callback with `uuid` first (so a body cut short still carries its marker) and the marker also
 * inside `eventBody` (so it survives when `uuid` itself is spoiled).
 */
export function callback(
	type: QingsuyunSampleType,
	marker: string,
	secret: string = SECRET,
): Fields {
	const sample = qingsuyunSample(type, secret, { uuid: marker });
	return {
		uuid: marker,
		ts: sample.ts,
		secretKey: sample.secretKey,
		type: sample.type,
		callbackUrl: sample.callbackUrl,
		eventBody: { hostileMarker: marker, ...sample.eventBody },
	};
}

export const TYPES = QINGSUYUN_SAMPLE_TYPES;

export function typeAt(index: number): QingsuyunSampleType {
	return TYPES[index % TYPES.length] ?? 'answerSheet';
}
