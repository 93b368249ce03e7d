/**
 * The valid Teachbase webhook every hostile request starts from, and what the corpus's parts
 * share: the token and the webhook.
 */
import {
	TEACHBASE_SAMPLE_EVENTS,
	TEACHBASE_SAMPLE_TYPES,
	teachbaseSample,
} from '../../../support/samples/teachbase.mjs';

export const TOKEN = 'tbHostileToken4f8e2a9c7b1d';
export const HOOK = 'tb-hostile/teachbase';

export const EVENTS = TEACHBASE_SAMPLE_TYPES.flatMap((type) =>
	TEACHBASE_SAMPLE_EVENTS.map((event) => ({ type, event })),
);

/** A webhook whose data carries the marker first, so a body cut short still holds it. */
export function webhook(index: number, marker: string): Record<string, unknown> {
	const { type, event } = EVENTS[index % EVENTS.length] ?? {
		type: 'course_stat',
		event: 'updated',
	};
	const sample = teachbaseSample(type, event);
	return {
		type: sample.type,
		event: sample.event,
		data: { hostileMarker: marker, ...sample.data },
	};
}
