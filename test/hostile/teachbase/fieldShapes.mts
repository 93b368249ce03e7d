/**
 * Readable JSON of the wrong shape, types and events the node does not know, and
 * prototype-pollution keys.
 */
import type { CorpusBuilder } from '../builder.mjs';
import { JSON_TYPE, TEXT_TYPE } from '../contentTypes.mjs';

/** Readable JSON that is not a Teachbase webhook: wrong field types, wrong shapes. */
export function addWrongShapes({ add, nextMarker }: CorpusBuilder): void {
	const wrongShapes: Array<[string, (marker: string) => unknown]> = [
		[
			'type is a number',
			(marker) => ({ type: 7, event: 'updated', data: { hostileMarker: marker } }),
		],
		[
			'event is an object',
			(marker) => ({ type: 'course_stat', event: { x: 1 }, data: { hostileMarker: marker } }),
		],
		['data is an array', (marker) => ({ type: 'course_stat', event: 'updated', data: [marker] })],
		['data is a string', (marker) => ({ type: 'course_stat', event: 'updated', data: marker })],
		['two entities', (marker) => ({ a: { b: { hostileMarker: marker } }, c: { d: {} } })],
		['array body', (marker) => [marker]],
		['string body', (marker) => marker],
		['number body', (marker) => ({ n: Number.MAX_SAFE_INTEGER, marker })],
	];
	for (const [name, make] of wrongShapes) {
		for (const contentType of [JSON_TYPE, TEXT_TYPE]) {
			const marker = nextMarker();
			add('wrong field types', `${name} (${contentType})`, {
				body: JSON.stringify(make(marker)),
				contentType,
				marker,
				expect: 'flagged',
			});
		}
	}
}

/** Unknown types and events pass through; prototype keys are just data. */
export function addUnknownEventsAndPrototypeKeys({ add, nextMarker }: CorpusBuilder): void {
	for (const [name, fields] of [
		['unknown type', { type: 'webinar_stat', event: 'updated' }],
		['unknown event', { type: 'course_stat', event: 'deleted' }],
		['snake-less type', { type: 'CourseStat', event: 'created' }],
	] as const) {
		const marker = nextMarker();
		add('unknown events', name, {
			body: JSON.stringify({ ...fields, data: { hostileMarker: marker } }),
			contentType: JSON_TYPE,
			marker,
			expect: 'execution',
		});
	}
	for (const key of ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString']) {
		const marker = nextMarker();
		add('prototype keys', key, {
			body: `{"type":"course_stat","event":"updated","data":{"hostileMarker":"${marker}","${key}":{"polluted":true}},"${key}":{"polluted":true}}`,
			contentType: JSON_TYPE,
			marker,
			expect: 'execution',
		});
	}
}
