/**
 * The Teachbase Trigger under attack: spoiled webhooks, wrong tokens, retries. Teachbase needs a
 * 200 for every authenticated request, whatever the node makes of it.
 */
import {
	TEACHBASE_SAMPLE_EVENTS,
	TEACHBASE_SAMPLE_TYPES,
	teachbaseLegacySample,
	teachbaseSample,
} from '../../support/samples/teachbase.mjs';
import { markerFactory } from './markers.mjs';
import {
	AWKWARD_STRINGS,
	brokenJsonVariants,
	nestedArrayJson,
	nestedObjectJson,
	oneCharacterOff,
	paddingJson,
	truncationPoints,
} from './mutations.mjs';
import type { Expectation, HostilePlatform, HostileReply, HostileRequest } from './types.mjs';

const TOKEN = 'tbHostileToken4f8e2a9c7b1d';
const ACKNOWLEDGEMENT = 'ok';
const HOOK = 'tb-hostile/teachbase';
const JSON_TYPE = 'application/json';
const TEXT_TYPE = 'text/plain';

type Fields = Record<string, unknown>;

const EVENTS = TEACHBASE_SAMPLE_TYPES.flatMap((type) =>
	TEACHBASE_SAMPLE_EVENTS.map((event) => ({ type, event })),
);

/** A webhook whose data carries the marker first, so a body cut short still holds it. */
function webhook(index: number, marker: string): Fields {
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

function buildCorpus(): HostileRequest[] {
	const nextMarker = markerFactory('teachbase');
	const corpus: HostileRequest[] = [];

	function add(
		category: string,
		name: string,
		options: {
			body?: string;
			contentType?: string;
			token?: string | null;
			expect: Expectation;
			marker: string;
			concurrentGroup?: string;
		},
	): void {
		const token = options.token === undefined ? TOKEN : options.token;
		corpus.push({
			label: `teachbase/${category}/${name}#${corpus.length}`,
			category,
			webhook: HOOK,
			method: 'POST',
			headers: options.contentType === undefined ? {} : { 'content-type': options.contentType },
			query: token === null ? undefined : { token },
			body: options.body,
			marker: options.marker,
			authenticated: options.expect !== 'unauthenticated',
			expect: options.expect,
			concurrentGroup: options.concurrentGroup,
		});
	}

	// 1. Every type × event under the content types a sender might use.
	for (const contentType of [
		JSON_TYPE,
		'application/json; charset=utf-8',
		TEXT_TYPE,
		'text/json',
		'application/octet-stream',
		// Raw JSON posted as a form arrives as one field whose name is the JSON.
		'application/x-www-form-urlencoded',
		undefined,
	]) {
		EVENTS.forEach((_, index) => {
			const marker = nextMarker();
			add('valid webhooks', `${contentType ?? 'no content type'} ${index}`, {
				body: JSON.stringify(webhook(index, marker)),
				contentType,
				marker,
				expect: 'execution',
			});
		});
	}

	// 2. The older shape, CamelCase entities, and a form field holding the JSON.
	EVENTS.forEach(({ type, event }, index) => {
		const marker = nextMarker();
		const legacy = teachbaseLegacySample(type, event);
		const entity = Object.keys(legacy)[0] ?? type;
		add('older shapes', `legacy ${type}.${event}`, {
			body: JSON.stringify({ [entity]: { [event]: { hostileMarker: marker, index } } }),
			contentType: JSON_TYPE,
			marker,
			expect: 'execution',
		});
		const formMarker = nextMarker();
		add('older shapes', `form ${type}.${event}`, {
			body: new URLSearchParams({
				data: JSON.stringify({ [entity]: { [event]: { hostileMarker: formMarker } } }),
			}).toString(),
			contentType: 'application/x-www-form-urlencoded',
			marker: formMarker,
			expect: 'execution',
		});
	});

	// 3. Broken and truncated JSON: flagged when n8n lets it through, refused by n8n when declared JSON.
	for (const variant of brokenJsonVariants(JSON.stringify(webhook(0, 'PLACEHOLDER')))) {
		const marker = nextMarker();
		add('malformed JSON', variant.name, {
			body: variant.text.replace('PLACEHOLDER', marker),
			contentType: TEXT_TYPE,
			marker,
			expect: 'flagged',
		});
		// n8n's own body parser answered these 422 before the node read its bodies itself.
		const declaredJson = nextMarker();
		add('malformed JSON', `${variant.name} as application/json`, {
			body: variant.text.replace('PLACEHOLDER', declaredJson),
			contentType: JSON_TYPE,
			marker: declaredJson,
			expect: 'flagged',
		});
	}
	const full = JSON.stringify(webhook(3, 'PLACEHOLDER'));
	for (const point of truncationPoints(
		full,
		full.indexOf('PLACEHOLDER') + 'PLACEHOLDER'.length + 2,
		30,
	)) {
		const marker = nextMarker();
		add('truncated JSON', `cut at ${point}`, {
			body: full
				.replace('PLACEHOLDER', marker)
				.slice(0, point + marker.length - 'PLACEHOLDER'.length),
			contentType: TEXT_TYPE,
			marker,
			expect: 'flagged',
		});
	}

	// 4. Readable JSON that is not a Teachbase webhook: wrong field types, wrong shapes.
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

	// 5. Unknown types and events pass through; prototype keys and awkward strings are just data.
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
	for (const awkward of AWKWARD_STRINGS) {
		for (const contentType of [JSON_TYPE, TEXT_TYPE]) {
			const marker = nextMarker();
			add('unicode', `${awkward.name} (${contentType})`, {
				body: `{"type":"quiz_stat","event":"updated","data":{"hostileMarker":"${marker}","name":${awkward.json}}}`,
				contentType,
				marker,
				expect: 'execution',
			});
		}
	}

	// 6. Deep and large bodies.
	for (const depth of [100, 1000, 5000]) {
		const marker = nextMarker();
		add('deep nesting', `objects ${depth} deep`, {
			body: `{"type":"course_stat","event":"updated","data":{"hostileMarker":"${marker}","deep":${nestedObjectJson(depth)}}}`,
			contentType: TEXT_TYPE,
			marker,
			expect: 'execution',
		});
		const arrays = nextMarker();
		add('deep nesting', `arrays ${depth} deep`, {
			body: `{"type":"course_stat","event":"updated","data":{"hostileMarker":"${arrays}","deep":${nestedArrayJson(depth)}}}`,
			contentType: TEXT_TYPE,
			marker: arrays,
			expect: 'execution',
		});
	}
	for (const bytes of [64 * 1024, 1024 * 1024, 4 * 1024 * 1024]) {
		const marker = nextMarker();
		add('large bodies', `${bytes} bytes`, {
			body: `{"type":"material_stat","event":"updated","data":{"hostileMarker":"${marker}","blob":${paddingJson(bytes)}}}`,
			contentType: JSON_TYPE,
			marker,
			expect: 'execution',
		});
	}
	// (An empty body cannot carry a marker, so the Teachbase e2e suite checks it instead.)

	// 7. Wrong, missing and near-miss tokens.
	const wrongTokens: Array<[string, string | null]> = [
		['missing token', null],
		['empty token', ''],
		['upper-cased token', TOKEN.toUpperCase()],
		['token with a trailing space', `${TOKEN} `],
		['token one character short', TOKEN.slice(0, -1)],
		['token one character long', `${TOKEN}x`],
		...Array.from({ length: TOKEN.length }, (_, position): [string, string] => [
			`one character off at ${position}`,
			oneCharacterOff(TOKEN, position),
		]),
	];
	wrongTokens.forEach(([name, token], index) => {
		const marker = nextMarker();
		add('wrong tokens', name, {
			body: JSON.stringify(webhook(index, marker)),
			contentType: JSON_TYPE,
			token,
			marker,
			expect: 'unauthenticated',
		});
	});
	const bodyToken = nextMarker();
	add('wrong tokens', 'token in the body instead of the URL', {
		body: JSON.stringify({ ...webhook(1, bodyToken), token: TOKEN }),
		contentType: JSON_TYPE,
		token: null,
		marker: bodyToken,
		expect: 'unauthenticated',
	});

	// 8. Retries: Teachbase re-sends the same body; sequential and racing deliveries start one execution.
	for (let group = 0; group < 10; group++) {
		const marker = nextMarker();
		const body = JSON.stringify(webhook(group, marker));
		for (let attempt = 0; attempt < 5; attempt++) {
			add('repeated deliveries', `retry group ${group} attempt ${attempt}`, {
				body,
				contentType: JSON_TYPE,
				marker,
				expect: attempt === 0 ? 'execution' : 'duplicate',
				concurrentGroup: group % 2 === 0 ? `tb-race-${group}` : undefined,
			});
		}
	}

	return corpus;
}

function protocolViolation(request: HostileRequest, reply: HostileReply): string | undefined {
	if (reply.networkError) return `no HTTP reply: ${reply.networkError}`;
	switch (request.expect) {
		case 'execution':
		case 'flagged':
		case 'filtered':
		case 'duplicate':
		case 'rejected':
			return reply.status === 200 && reply.text === ACKNOWLEDGEMENT
				? undefined
				: `Teachbase needs 200 for every authenticated request, got ${reply.status} ${JSON.stringify(reply.text.slice(0, 80))}`;
		case 'unauthenticated':
			return reply.status === 403 && reply.text !== ACKNOWLEDGEMENT
				? undefined
				: `expected 403, got ${reply.status} ${JSON.stringify(reply.text.slice(0, 80))}`;
		case 'n8nRefuses':
			return undefined;
	}
}

export const teachbaseHostile: HostilePlatform = {
	name: 'teachbase',
	fixtures: {
		credentials: ['teachbase.hostile.credentials.json'],
		workflows: ['teachbase.bare.workflows.json'],
		substitutions: { TEACHBASE_HOSTILE_TOKEN: TOKEN },
		workflowIds: ['tbHostileAll0001'],
		webhooks: [HOOK],
	},
	secrets: [TOKEN],
	deduplicates: true,
	buildCorpus,
	protocolViolation,
	isFlaggedExecution: (data) => data.includes('"Unrecognized request"'),
};
