/**
 * Requests that match no interface, flagged with what was received (token redacted); prototype
 * keys beside a real callback; JSON bodies, broken or not.
 */
import { genseeActionSample } from '../../../support/samples/gensee.mjs';
import { FORM_TYPE } from '../contentTypes.mjs';
import { TEXT_TYPE, type GenseeBuilder } from './callback.mjs';

export function addUnrecognized({ add, nextMarker }: GenseeBuilder): void {
	for (const [name, query] of [
		['no parameters but a marker', (marker: string) => ({ hostile: marker })],
		[
			'prototype keys',
			(marker: string) => ({
				__proto__x: marker,
				constructor: 'x',
				'a[__proto__][polluted]': 'yes',
			}),
		],
		['unknown kind', (marker: string) => ({ kind: 'webinarStarted', id: marker })],
		['very long value', (marker: string) => ({ note: `${marker}${'x'.repeat(6_000)}` })],
	] as const) {
		const marker = nextMarker();
		add('unrecognized', name, { query: query(marker), marker, expect: 'flagged' });
	}
	for (const [name, body, contentType] of [
		['JSON object', (marker: string) => JSON.stringify({ foo: marker }), 'application/json'],
		['plain text', (marker: string) => `hello ${marker}`, TEXT_TYPE],
		[
			'form without interface fields',
			(marker: string) => new URLSearchParams({ foo: marker }).toString(),
			FORM_TYPE,
		],
	] as const) {
		const marker = nextMarker();
		add('unrecognized', `POST ${name}`, {
			method: 'POST',
			body: body(marker),
			contentType,
			marker,
			expect: 'flagged',
		});
	}
}

/** Prototype keys alongside a real callback are just parameters. */
export function addPrototypeKeys({ add, nextMarker }: GenseeBuilder): void {
	for (const key of ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString']) {
		const marker = nextMarker();
		add('prototype keys', key, {
			query: {
				...genseeActionSample('101'),
				ClassNo: marker,
				[key]: 'polluted',
				[`${key}[x]`]: 'y',
			},
			marker,
			expect: 'execution',
		});
	}
}

/** n8n's own body parser answered these 422 before the node read its bodies itself. */
export function addMalformedJson({ add, nextMarker }: GenseeBuilder): void {
	for (const broken of ['{"foo":', '{"a":1}garbage', '[1,2']) {
		const marker = nextMarker();
		add('malformed JSON', broken, {
			method: 'POST',
			body: broken.includes('foo') ? broken.replace('foo', marker) : `${broken}${marker}`,
			contentType: 'application/json',
			marker,
			expect: 'flagged',
		});
	}
}
