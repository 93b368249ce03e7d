/**
 * The Qingsuyun Trigger under attack: every kind of spoiled callback, each knowing what the node
 * must answer and whether it must start an execution.
 */
import { gzipSync } from 'node:zlib';

import {
	QINGSUYUN_SAMPLE_TYPES,
	qingsuyunSample,
	type QingsuyunSampleType,
} from '../../support/samples/qingsuyun.mjs';
import { effectiveExpectation } from './expectation.mjs';
import { markerFactory } from './markers.mjs';
import {
	AWKWARD_STRINGS,
	INVALID_UTF8,
	brokenJsonVariants,
	nestedArrayJson,
	nestedObjectJson,
	oneCharacterOff,
	paddingJson,
	truncationPoints,
	unicodeEscaped,
} from './mutations.mjs';
import type { Expectation, HostilePlatform, HostileReply, HostileRequest } from './types.mjs';

const SECRET = '7c1e9a40d2b84f6e93a5c0d1e2f3a4b5';
const ACKNOWLEDGEMENT = 'success';
const MIB = 1024 * 1024;
/** n8n's default body limit (N8N_PAYLOAD_SIZE_MAX = 16 MiB). */
const N8N_BODY_LIMIT = 16 * MIB;

/** Every event type, no options: accepted events and flagged unreadable ones start the workflow. */
const ALL = 'qsy-hostile/qingsuyun';
/** Exams only, unreadable requests rejected with 400, raw payload included. */
const EXAMS = 'qsy-hostile-exams/qingsuyun';

const JSON_TYPE = 'application/json';
const TEXT_TYPE = 'text/plain';

function percentEncoded(text: string): string {
	return [...text].map((character) => `%${character.charCodeAt(0).toString(16)}`).join('');
}

type Fields = Record<string, unknown>;

/**
 * A callback with `uuid` first (so a body cut short still carries its marker) and the marker also
 * inside `eventBody` (so it survives when `uuid` itself is spoiled).
 */
function callback(type: QingsuyunSampleType, marker: string, secret: string = SECRET): Fields {
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

const TYPES = QINGSUYUN_SAMPLE_TYPES;

function typeAt(index: number): QingsuyunSampleType {
	return TYPES[index % TYPES.length] ?? 'answerSheet';
}

function buildCorpus(): HostileRequest[] {
	const nextMarker = markerFactory('qingsuyun');
	const corpus: HostileRequest[] = [];

	function add(
		category: string,
		name: string,
		options: {
			body?: string | Buffer;
			contentType?: string;
			headers?: Record<string, string>;
			expect: Expectation;
			marker: string;
			webhook?: string;
			method?: HostileRequest['method'];
			query?: Record<string, string>;
			n8nRefusal?: { status: number; reason: string; authenticated: boolean };
			n8nMayRefuse?: HostileRequest['n8nMayRefuse'];
			concurrentGroup?: string;
		},
	): void {
		const authenticated = options.expect !== 'unauthenticated';
		corpus.push({
			label: `qingsuyun/${category}/${name}#${corpus.length}`,
			category,
			webhook: options.webhook ?? ALL,
			method: options.method ?? 'POST',
			headers: {
				...(options.contentType === undefined ? {} : { 'content-type': options.contentType }),
				...options.headers,
			},
			query: options.query,
			body: options.body,
			marker: options.marker,
			authenticated: options.n8nRefusal ? options.n8nRefusal.authenticated : authenticated,
			expect: options.expect,
			n8nRefusal: options.n8nRefusal && {
				status: options.n8nRefusal.status,
				reason: options.n8nRefusal.reason,
			},
			n8nMayRefuse: options.n8nMayRefuse,
			concurrentGroup: options.concurrentGroup,
		});
	}

	const invalidJsonAsJson = (authenticated: boolean) => ({
		status: 422,
		reason: 'n8n cannot parse a body declared application/json and answers 422 before the node runs',
		authenticated,
	});

	// 1. Valid callbacks under every content type a sender might use, right or wrong.
	const contentTypes: Array<{
		type: string | undefined;
		refusal?: { status: number; reason: string };
		mayRefuse?: { status: number; reason: string };
	}> = [
		{ type: JSON_TYPE },
		{ type: 'application/json; charset=utf-8' },
		{ type: 'Application/JSON' },
		{ type: TEXT_TYPE },
		{ type: 'text/plain; charset=utf-8' },
		{ type: 'application/octet-stream' },
		{ type: undefined },
		{ type: 'application/x-www-form-urlencoded' },
		{ type: 'text/html' },
		{ type: 'application/vnd.api+json' },
		{
			type: 'application/xml',
			// n8n shares one XML parser between requests; after a failed parse the next one yields
			// null instead of an error, so n8n alternates between 422 and passing the body on.
			mayRefuse: {
				status: 422,
				reason: 'n8n parses */xml bodies itself; its shared parser answers 422 or passes the body on, alternately',
			},
		},
		{
			type: 'text/xml',
			mayRefuse: {
				status: 422,
				reason: 'n8n parses */xml bodies itself; its shared parser answers 422 or passes the body on, alternately',
			},
		},
		{
			type: 'application/json; charset=windows-1251',
			refusal: { status: 422, reason: 'n8n cannot decode a charset Node does not know and answers 422' },
		},
	];
	for (const [index, { type, refusal, mayRefuse }] of contentTypes.entries()) {
		for (let round = 0; round < 2; round++) {
			const marker = nextMarker();
			add('content types', `${type ?? 'none'}`, {
				body: JSON.stringify(callback(typeAt(index + round), marker)),
				contentType: type,
				marker,
				expect: refusal ? 'n8nRefuses' : 'execution',
				n8nRefusal: refusal && { ...refusal, authenticated: true },
				n8nMayRefuse: mayRefuse,
			});
		}
	}
	{
		// A form post whose fields are the callback's, eventBody as JSON text.
		const marker = nextMarker();
		const fields = callback('answerSheet', marker);
		const form = new URLSearchParams({
			uuid: marker,
			ts: String(fields.ts),
			secretKey: SECRET,
			type: 'answerSheet',
			eventBody: JSON.stringify(fields.eventBody),
		});
		add('content types', 'form fields', {
			body: form.toString(),
			contentType: 'application/x-www-form-urlencoded',
			marker,
			expect: 'execution',
		});
		const gzipMarker = nextMarker();
		add('content types', 'gzip content-encoding', {
			body: gzipSync(JSON.stringify(callback('courseFinish', gzipMarker))),
			contentType: JSON_TYPE,
			headers: { 'content-encoding': 'gzip' },
			marker: gzipMarker,
			expect: 'execution',
		});
	}

	// 2. Truncated callbacks. With the key still whole in the text, the node must flag them.
	{
		const marker = nextMarker();
		const full = JSON.stringify(callback('answerSheet', marker));
		const afterSecret = full.indexOf(SECRET) + SECRET.length + 1;
		for (const point of truncationPoints(full, afterSecret, 16)) {
			const cut = full.slice(0, point);
			for (const contentType of [TEXT_TYPE, undefined, JSON_TYPE]) {
				const cutMarker = nextMarker();
				const body = cut.replace(marker, cutMarker);
				add('truncated JSON', `authenticated, cut at ${point}, ${contentType ?? 'no type'}`, {
					body,
					contentType,
					marker: cutMarker,
					expect: contentType === JSON_TYPE ? 'n8nRefuses' : 'flagged',
					n8nRefusal: contentType === JSON_TYPE ? invalidJsonAsJson(true) : undefined,
				});
			}
		}
		const beforeSecret = full.indexOf(SECRET) - 2;
		for (const point of truncationPoints(full.slice(0, beforeSecret), full.indexOf(marker) + marker.length, 6)) {
			const cutMarker = nextMarker();
			add('truncated JSON', `cut before the key at ${point}`, {
				body: full.slice(0, point).replace(marker, cutMarker),
				contentType: TEXT_TYPE,
				marker: cutMarker,
				expect: 'unauthenticated',
			});
		}
		for (const secret of [oneCharacterOff(SECRET, 5), '']) {
			const wrongMarker = nextMarker();
			const wrong = JSON.stringify(callback('answerSheet', wrongMarker, secret));
			add('truncated JSON', `wrong key, cut short (${secret.length} chars)`, {
				body: wrong.slice(0, wrong.length - 40),
				contentType: TEXT_TYPE,
				marker: wrongMarker,
				expect: 'unauthenticated',
			});
		}
	}

	// 3. Other broken JSON, declared as text (the node sees it) and as JSON (n8n refuses it).
	for (const [index, type] of TYPES.entries()) {
		const marker = nextMarker();
		for (const variant of brokenJsonVariants(JSON.stringify(callback(type, marker)))) {
			for (const contentType of index === 0 ? [TEXT_TYPE, JSON_TYPE] : [TEXT_TYPE]) {
				const variantMarker = nextMarker();
				add('malformed JSON', `${variant.name}, ${contentType}`, {
					body: variant.text.split(marker).join(variantMarker),
					contentType,
					marker: variantMarker,
					expect: contentType === JSON_TYPE ? 'n8nRefuses' : 'flagged',
					n8nRefusal: contentType === JSON_TYPE ? invalidJsonAsJson(true) : undefined,
				});
			}
		}
	}
	{
		const marker = nextMarker();
		const singleQuoted = JSON.stringify(callback('answerSheet', marker)).replace(/"/g, "'");
		add('malformed JSON', 'single-quoted (key unreadable)', {
			body: singleQuoted,
			contentType: TEXT_TYPE,
			marker,
			expect: 'unauthenticated',
		});
	}

	// 4. Empty and non-object bodies.
	for (const contentType of [JSON_TYPE, TEXT_TYPE, undefined, 'application/x-www-form-urlencoded']) {
		add('empty bodies', `empty, ${contentType ?? 'no type'}`, {
			body: '',
			contentType,
			marker: nextMarker(),
			expect: 'unauthenticated',
		});
	}
	add('empty bodies', 'whitespace declared as JSON', {
		body: '   \n ',
		contentType: JSON_TYPE,
		marker: nextMarker(),
		expect: 'n8nRefuses',
		n8nRefusal: invalidJsonAsJson(false),
	});
	add('empty bodies', 'no body at all', { contentType: undefined, marker: nextMarker(), expect: 'unauthenticated' });
	for (const text of ['null', 'true', '0', '"success"', '[]', '{}', '[null]']) {
		add('non-object JSON', text, { body: text, contentType: JSON_TYPE, marker: nextMarker(), expect: 'unauthenticated' });
	}
	{
		const marker = nextMarker();
		add('non-object JSON', 'callback wrapped in an array', {
			body: JSON.stringify([callback('answerSheet', marker)]),
			contentType: JSON_TYPE,
			marker,
			expect: 'flagged',
		});
		const stringMarker = nextMarker();
		add('non-object JSON', 'callback as a JSON string', {
			body: JSON.stringify(JSON.stringify(callback('answerSheet', stringMarker))),
			contentType: JSON_TYPE,
			marker: stringMarker,
			// The key sits behind escaped quotes: nothing proves the request came from Qingsuyun.
			expect: 'unauthenticated',
		});
	}

	// 5. Wrong field types with the right key: flagged when unreadable, accepted otherwise.
	const typeValues: unknown[] = [123, null, true, [], {}, '', ['answerSheet']];
	for (const value of typeValues) {
		const marker = nextMarker();
		add('wrong field types', `type = ${JSON.stringify(value)}`, {
			body: JSON.stringify({ ...callback('answerSheet', marker), type: value }),
			contentType: JSON_TYPE,
			marker,
			expect: 'flagged',
		});
	}
	for (const value of ['text', 42, null, [], [{ a: 1 }], true]) {
		const marker = nextMarker();
		add('wrong field types', `eventBody = ${JSON.stringify(value)}`, {
			body: JSON.stringify({ ...callback('courseFinish', marker), eventBody: value }),
			contentType: JSON_TYPE,
			marker,
			expect: 'flagged',
		});
	}
	{
		const marker = nextMarker();
		const { eventBody: _dropped, ...withoutBody } = callback('courseFinish', marker);
		add('wrong field types', 'eventBody missing', {
			body: JSON.stringify(withoutBody),
			contentType: JSON_TYPE,
			marker,
			expect: 'flagged',
		});
	}
	for (const value of [123, null, {}, [], '', true]) {
		const marker = nextMarker();
		add('wrong field types', `uuid = ${JSON.stringify(value)}`, {
			body: JSON.stringify({ ...callback('clockFinish', marker), uuid: value }),
			contentType: JSON_TYPE,
			marker,
			expect: 'execution',
		});
	}
	for (const value of [0, 'yesterday', '', '9999-99-99 99:99:99', { at: 1 }, '2022-02-30 25:61:61.999']) {
		const marker = nextMarker();
		add('wrong field types', `ts = ${JSON.stringify(value)}`, {
			body: JSON.stringify({ ...callback('answerSheet', marker), ts: value }),
			contentType: JSON_TYPE,
			marker,
			expect: 'execution',
		});
	}
	const timeValues: unknown[] = ['soon', -1, 1e308, 99_999_999_999_999, 1.5e11, null, [1641634772902], { t: 1 }];
	for (const value of timeValues) {
		const marker = nextMarker();
		const fields = callback('answerSheet', marker);
		add('wrong field types', `eventBody.startTime = ${JSON.stringify(value)}`, {
			body: JSON.stringify({ ...fields, eventBody: { ...(fields.eventBody as Fields), startTime: value } }),
			contentType: JSON_TYPE,
			marker,
			expect: 'execution',
		});
	}
	{
		const marker = nextMarker();
		add('wrong field types', 'huge number literal', {
			body: JSON.stringify(callback('answerSheet', marker)).replace(/"realScore":\d+/, '"realScore":1e400'),
			contentType: JSON_TYPE,
			marker,
			expect: 'execution',
		});
	}
	for (const value of [123, null, [SECRET], { secretKey: SECRET }, true]) {
		const marker = nextMarker();
		add('wrong field types', `secretKey = ${JSON.stringify(value).replace(SECRET, 'SECRET')}`, {
			body: JSON.stringify({ ...callback('answerSheet', marker), secretKey: value }),
			contentType: JSON_TYPE,
			marker,
			expect: 'unauthenticated',
		});
	}

	// 6. Event types the node does not know: passed through (all) or filtered (exams only).
	const unknownTypes = [
		'liveFinish',
		'ANSWERSHEET',
		'answerSheet ',
		'__proto__',
		'constructor',
		'toString',
		'hasOwnProperty',
		'考试完成',
		'a\u0000b',
		'x'.repeat(10_000),
	];
	for (const type of unknownTypes) {
		for (const webhook of [ALL, EXAMS]) {
			const marker = nextMarker();
			add('unknown event types', `${JSON.stringify(type.slice(0, 20))} → ${webhook.split('/')[0]}`, {
				body: JSON.stringify({ ...callback('answerSheet', marker), type }),
				contentType: JSON_TYPE,
				marker,
				webhook,
				expect: webhook === ALL ? 'execution' : 'filtered',
			});
		}
	}

	// 7. Prototype-pollution keys, at the top level, in eventBody and deeper.
	const pollution: Array<{ name: string; edit: (fields: Fields) => string }> = [
		{
			name: 'top-level __proto__',
			edit: (fields) => JSON.stringify(fields).replace(/^\{/, '{"__proto__":{"polluted":"yes","isAdmin":true},'),
		},
		{
			name: 'eventBody __proto__',
			edit: (fields) => JSON.stringify(fields).replace('"eventBody":{', '"eventBody":{"__proto__":{"polluted":"yes"},'),
		},
		{
			name: 'eventBody constructor.prototype',
			edit: (fields) =>
				JSON.stringify(fields).replace('"eventBody":{', '"eventBody":{"constructor":{"prototype":{"polluted":"yes"}},'),
		},
		{
			name: 'eventBody prototype key',
			edit: (fields) => JSON.stringify(fields).replace('"eventBody":{', '"eventBody":{"prototype":{"polluted":"yes"},'),
		},
		{
			name: 'nested __proto__ in a collected field',
			edit: (fields) =>
				JSON.stringify(fields).replace(
					'"eventBody":{',
					'"eventBody":{"fields":[{"fieldName":"__proto__","answerContent":{"polluted":"yes"}},{"fieldName":"constructor","answerContent":"x"}],',
				),
		},
		{
			name: 'time-like __proto__ key',
			edit: (fields) => JSON.stringify(fields).replace('"eventBody":{', '"eventBody":{"__proto__":1641634772902,"toString":"x","valueOf":1,'),
		},
	];
	for (const { name, edit } of pollution) {
		for (const webhook of [ALL, EXAMS]) {
			const marker = nextMarker();
			add('prototype pollution', `${name} → ${webhook.split('/')[0]}`, {
				body: edit(callback('answerSheet', marker)),
				contentType: JSON_TYPE,
				marker,
				webhook,
				expect: 'execution',
			});
		}
	}
	{
		const marker = nextMarker();
		const { secretKey: _omitted, ...rest } = callback('answerSheet', marker);
		add('prototype pollution', 'key smuggled in __proto__', {
			body: JSON.stringify(rest).replace(/^\{/, `{"__proto__":{"secretKey":"${SECRET}"},`),
			contentType: JSON_TYPE,
			marker,
			expect: 'unauthenticated',
		});
		const formMarker = nextMarker();
		add('prototype pollution', 'form __proto__ fields', {
			body: `__proto__[secretKey]=${SECRET}&constructor[prototype][x]=1&type=answerSheet&uuid=${formMarker}`,
			contentType: 'application/x-www-form-urlencoded',
			marker: formMarker,
			expect: 'unauthenticated',
		});
	}

	// 8. Unicode edge cases inside a valid callback, and bytes that are not UTF-8 at all.
	for (const [index, awkward] of AWKWARD_STRINGS.entries()) {
		for (const field of ['examineeName', 'paperName'] as const) {
			const marker = nextMarker();
			const text = JSON.stringify(callback('answerSheet', marker)).replace(
				new RegExp(`"${field}":"[^"]*"`),
				`"${field}":${awkward.json}`,
			);
			add('Unicode', `${awkward.name} in ${field}`, {
				body: text,
				contentType: index % 2 === 0 ? JSON_TYPE : TEXT_TYPE,
				marker,
				expect: 'execution',
			});
		}
	}
	for (const invalid of INVALID_UTF8) {
		const marker = nextMarker();
		const [before, after] = JSON.stringify(callback('courseFinish', marker)).split('月清疏');
		add('Unicode', `invalid UTF-8: ${invalid.name}`, {
			body: Buffer.concat([Buffer.from(`${before}`), invalid.bytes, Buffer.from(`${after}`)]),
			contentType: JSON_TYPE,
			marker,
			expect: 'execution',
		});
	}
	{
		const marker = nextMarker();
		add('Unicode', 'byte-order mark before the JSON', {
			body: `\uFEFF${JSON.stringify(callback('coursewareFinish', marker))}`,
			contentType: JSON_TYPE,
			marker,
			expect: 'execution',
		});
		const utf16Marker = nextMarker();
		add('Unicode', 'UTF-16LE body, charset declared', {
			body: Buffer.from(JSON.stringify(callback('answerSheet', utf16Marker)), 'utf16le'),
			contentType: 'application/json; charset=utf-16le',
			marker: utf16Marker,
			expect: 'execution',
		});
		const keyMarker = nextMarker();
		add('Unicode', 'key written as \\u escapes', {
			body: JSON.stringify(callback('answerSheet', keyMarker)).replace(SECRET, unicodeEscaped(SECRET)),
			contentType: JSON_TYPE,
			marker: keyMarker,
			expect: 'execution',
		});
		const flaggedKeyMarker = nextMarker();
		add('Unicode', 'key written as \\u escapes, no type', {
			body: JSON.stringify({ ...callback('answerSheet', flaggedKeyMarker), type: undefined }).replace(
				SECRET,
				unicodeEscaped(SECRET),
			),
			contentType: JSON_TYPE,
			marker: flaggedKeyMarker,
			expect: 'flagged',
		});
		const formKeyMarker = nextMarker();
		add('Unicode', 'key percent-encoded in a form, no eventBody', {
			body: `uuid=${formKeyMarker}&type=answerSheet&secretKey=${percentEncoded(SECRET)}`,
			contentType: 'application/x-www-form-urlencoded',
			marker: formKeyMarker,
			expect: 'flagged',
		});
	}
	for (const lookalike of [SECRET.replace(/a/, 'а'), SECRET.replace(/1/, '１'), `${SECRET}\u200B`, SECRET.normalize('NFKD') + '\u0301']) {
		const marker = nextMarker();
		add('Unicode', 'look-alike key', {
			body: JSON.stringify(callback('answerSheet', marker, lookalike)),
			contentType: JSON_TYPE,
			marker,
			expect: 'unauthenticated',
		});
	}

	// 9. Wrong, missing and near-miss keys.
	const nearMisses: Array<{ name: string; secret: string }> = [
		...[0, 1, 8, 15, 16, 23, 30, 31].map((position) => ({
			name: `one character off at ${position}`,
			secret: oneCharacterOff(SECRET, position),
		})),
		{ name: 'upper case', secret: SECRET.toUpperCase() },
		{ name: 'one character short', secret: SECRET.slice(0, -1) },
		{ name: 'one character long', secret: `${SECRET}0` },
		{ name: 'leading space', secret: ` ${SECRET}` },
		{ name: 'trailing space', secret: `${SECRET} ` },
		{ name: 'trailing newline', secret: `${SECRET}\n` },
		{ name: 'trailing NUL', secret: `${SECRET}\u0000` },
		{ name: 'doubled', secret: `${SECRET}${SECRET}` },
		{ name: 'reversed', secret: [...SECRET].reverse().join('') },
		{ name: 'random, same length', secret: 'f'.repeat(SECRET.length) },
		{ name: 'empty', secret: '' },
		{ name: 'redaction placeholder', secret: '[redacted]' },
	];
	for (const [index, nearMiss] of nearMisses.entries()) {
		for (const webhook of [ALL, EXAMS]) {
			const marker = nextMarker();
			add('wrong keys', `${nearMiss.name} → ${webhook.split('/')[0]}`, {
				body: JSON.stringify(callback(typeAt(index), marker, nearMiss.secret)),
				contentType: JSON_TYPE,
				marker,
				webhook,
				expect: 'unauthenticated',
			});
		}
	}
	for (const type of TYPES) {
		const marker = nextMarker();
		const { secretKey: _omitted, ...withoutKey } = callback(type, marker);
		add('wrong keys', `missing key, ${type}`, {
			body: JSON.stringify(withoutKey),
			contentType: JSON_TYPE,
			marker,
			expect: 'unauthenticated',
		});
		const queryMarker = nextMarker();
		add('wrong keys', `key only in query and header, ${type}`, {
			body: JSON.stringify(withoutKey).split(marker).join(queryMarker),
			contentType: JSON_TYPE,
			query: { secretKey: SECRET },
			headers: { 'x-secret-key': SECRET, authorization: `Bearer ${SECRET}` },
			marker: queryMarker,
			expect: 'unauthenticated',
		});
	}
	{
		const marker = nextMarker();
		const body = JSON.stringify(callback('answerSheet', marker));
		add('wrong keys', 'right key first, wrong key repeated last', {
			body: body.replace(/}$/, `,"secretKey":"${oneCharacterOff(SECRET, 3)}"}`),
			contentType: JSON_TYPE,
			marker,
			expect: 'unauthenticated',
		});
		const lastMarker = nextMarker();
		add('wrong keys', 'wrong key first, right key repeated last', {
			body: JSON.stringify(callback('answerSheet', lastMarker, oneCharacterOff(SECRET, 3))).replace(
				/}$/,
				`,"secretKey":"${SECRET}"}`,
			),
			contentType: JSON_TYPE,
			marker: lastMarker,
			expect: 'execution',
		});
		const nestedMarker = nextMarker();
		const { secretKey: _omitted, ...withoutKey } = callback('answerSheet', nestedMarker);
		add('wrong keys', 'key only inside eventBody', {
			body: JSON.stringify({ ...withoutKey, eventBody: { ...(withoutKey.eventBody as Fields), secretKey: SECRET } }),
			contentType: JSON_TYPE,
			marker: nestedMarker,
			expect: 'unauthenticated',
		});
	}

	// 10. Repeated deliveries: one after another, and racing each other.
	for (let event = 0; event < 10; event++) {
		const marker = nextMarker();
		const body = JSON.stringify(callback(typeAt(event), marker));
		for (let attempt = 0; attempt < 3; attempt++) {
			add('repeated deliveries', `event ${event}, attempt ${attempt + 1}`, {
				body,
				contentType: JSON_TYPE,
				marker,
				expect: attempt === 0 ? 'execution' : 'duplicate',
			});
		}
	}
	for (let event = 0; event < 6; event++) {
		const marker = nextMarker();
		const body = JSON.stringify(callback(typeAt(event), marker));
		for (let attempt = 0; attempt < 5; attempt++) {
			add('repeated deliveries', `event ${event}, racing attempt ${attempt + 1}`, {
				body,
				contentType: JSON_TYPE,
				marker,
				// Which attempt wins the race is not known; the check is one execution per marker.
				expect: attempt === 0 ? 'execution' : 'duplicate',
				concurrentGroup: `race-${marker}`,
			});
		}
	}
	{
		const marker = nextMarker();
		add('repeated deliveries', 'same uuid, first delivery', {
			body: JSON.stringify(callback('answerSheet', marker)),
			contentType: JSON_TYPE,
			marker,
			expect: 'execution',
		});
		add('repeated deliveries', 'same uuid, other type and content', {
			body: JSON.stringify({ ...callback('courseFinish', marker), ts: '2030-01-01 00:00:00' }),
			contentType: TEXT_TYPE,
			marker,
			expect: 'duplicate',
		});
		const examMarker = nextMarker();
		for (let attempt = 0; attempt < 3; attempt++) {
			add('repeated deliveries', `exams-only workflow, attempt ${attempt + 1}`, {
				body: JSON.stringify(callback('answerSheet', examMarker)),
				contentType: JSON_TYPE,
				marker: examMarker,
				webhook: EXAMS,
				expect: attempt === 0 ? 'execution' : 'duplicate',
			});
		}
	}

	// 11. The exams-only workflow that rejects unreadable requests.
	for (const type of TYPES) {
		const marker = nextMarker();
		add('filter and reject', `${type} → exams only`, {
			body: JSON.stringify(callback(type, marker)),
			contentType: JSON_TYPE,
			marker,
			webhook: EXAMS,
			expect: type === 'answerSheet' ? 'execution' : 'filtered',
		});
	}
	for (const cut of [120, 200, 260]) {
		const marker = nextMarker();
		const full = JSON.stringify(callback('answerSheet', marker));
		add('filter and reject', `unreadable, cut at ${full.indexOf(SECRET) + SECRET.length + cut}`, {
			body: full.slice(0, full.indexOf(SECRET) + SECRET.length + cut),
			contentType: TEXT_TYPE,
			marker,
			webhook: EXAMS,
			expect: 'rejected',
		});
	}
	{
		const marker = nextMarker();
		add('filter and reject', 'no eventBody', {
			body: JSON.stringify({ ...callback('answerSheet', marker), eventBody: 'none' }),
			contentType: JSON_TYPE,
			marker,
			webhook: EXAMS,
			expect: 'rejected',
		});
	}

	// 12. Methods Qingsuyun never uses: n8n answers them itself.
	for (const method of ['GET', 'PUT', 'DELETE'] as const) {
		const marker = nextMarker();
		add('other methods', method, {
			method,
			body: method === 'GET' ? undefined : JSON.stringify(callback('answerSheet', marker)),
			contentType: method === 'GET' ? undefined : JSON_TYPE,
			query: method === 'GET' ? { uuid: marker, secretKey: SECRET } : undefined,
			marker,
			expect: 'n8nRefuses',
			n8nRefusal: {
				status: 404,
				reason: 'the trigger registers POST only; n8n answers other methods with 404',
				authenticated: true,
			},
		});
	}
	{
		const marker = nextMarker();
		add('other methods', 'POST with a hostile query string', {
			body: JSON.stringify(callback('answerSheet', marker)),
			contentType: JSON_TYPE,
			query: { __proto__: 'x', 'constructor[prototype]': 'y', secretKey: 'wrong' },
			marker,
			expect: 'execution',
		});
	}

	// 13. Deep nesting and sheer size.
	for (const depth of [100, 1_000, 5_000, 50_000]) {
		for (const shape of ['object', 'array'] as const) {
			const marker = nextMarker();
			const nested = shape === 'object' ? nestedObjectJson(depth) : nestedArrayJson(depth);
			add('deep nesting', `${shape} depth ${depth}`, {
				body: JSON.stringify(callback('answerSheet', marker)).replace('"eventBody":{', `"eventBody":{"deep":${nested},`),
				contentType: depth >= 50_000 ? TEXT_TYPE : JSON_TYPE,
				marker,
				expect: 'execution',
			});
		}
	}
	{
		const marker = nextMarker();
		add('deep nesting', 'unauthenticated, depth 50000', {
			body: nestedObjectJson(50_000, `"${marker}"`),
			contentType: JSON_TYPE,
			marker,
			expect: 'unauthenticated',
		});
	}
	const sized = (marker: string, bytes: number, secret: string = SECRET): string => {
		const base = JSON.stringify(callback('answerSheet', marker, secret));
		const overhead = base.length + '"padding":,'.length;
		return base.replace('"eventBody":{', `"eventBody":{"padding":${paddingJson(bytes - overhead)},`);
	};
	for (const bytes of [1 * MIB, 8 * MIB, N8N_BODY_LIMIT - 64 * 1024]) {
		const marker = nextMarker();
		add('large bodies', `${(bytes / MIB).toFixed(2)} MiB, authenticated`, {
			body: sized(marker, bytes),
			contentType: JSON_TYPE,
			marker,
			expect: 'execution',
		});
	}
	{
		const marker = nextMarker();
		const manyItems = JSON.stringify(callback('answerSheet', marker)).replace(
			'"eventBody":{',
			`"eventBody":{"items":${JSON.stringify(Array.from({ length: 100_000 }, (_, index) => ({ i: index })))},`,
		);
		add('large bodies', '100 000-element array', { body: manyItems, contentType: JSON_TYPE, marker, expect: 'execution' });
		const cutMarker = nextMarker();
		const bigCut = sized(cutMarker, 4 * MIB);
		add('large bodies', '4 MiB, authenticated, cut short', {
			body: bigCut.slice(0, bigCut.length - 100),
			contentType: TEXT_TYPE,
			marker: cutMarker,
			expect: 'flagged',
		});
		const wrongMarker = nextMarker();
		add('large bodies', '8 MiB, wrong key', {
			body: sized(wrongMarker, 8 * MIB, oneCharacterOff(SECRET, 0)),
			contentType: JSON_TYPE,
			marker: wrongMarker,
			expect: 'unauthenticated',
		});
	}
	for (const [bytes, authenticated] of [
		[N8N_BODY_LIMIT + 1024, true],
		[N8N_BODY_LIMIT + 4 * MIB, false],
	] as const) {
		const marker = nextMarker();
		add('large bodies', `${(bytes / MIB).toFixed(2)} MiB (over n8n's limit)`, {
			body: sized(marker, bytes, authenticated ? SECRET : 'wrong'),
			contentType: JSON_TYPE,
			marker,
			expect: 'n8nRefuses',
			n8nRefusal: {
				status: 500,
				// raw-body's 413 is caught by n8n's webhook handler and answered as a failed execution.
				reason:
					"over n8n's body limit (N8N_PAYLOAD_SIZE_MAX, 16 MiB): n8n answers 500 \"There was a problem executing the workflow\" before the node runs",
				authenticated,
			},
		});
	}

	return corpus;
}

function protocolViolation(request: HostileRequest, reply: HostileReply): string | undefined {
	if (reply.networkError) return `no HTTP reply: ${reply.networkError}`;
	const acknowledged = reply.status === 200 && reply.text === ACKNOWLEDGEMENT;
	switch (effectiveExpectation(request, reply)) {
		case 'execution':
		case 'flagged':
		case 'filtered':
		case 'duplicate':
			if (!acknowledged) return `expected 200 "success", got ${reply.status} ${JSON.stringify(reply.text.slice(0, 80))}`;
			if (!reply.contentType?.startsWith('text/plain')) return `"success" sent as ${reply.contentType}`;
			return undefined;
		case 'unauthenticated':
			return reply.status === 401 && reply.text !== ACKNOWLEDGEMENT
				? undefined
				: `expected 401, got ${reply.status} ${JSON.stringify(reply.text.slice(0, 80))}`;
		case 'rejected':
			return reply.status === 400 && reply.text !== ACKNOWLEDGEMENT
				? undefined
				: `expected 400, got ${reply.status} ${JSON.stringify(reply.text.slice(0, 80))}`;
		case 'n8nRefuses':
			// Qingsuyun retries anything but "success", which is right when n8n refused the body.
			return reply.text !== ACKNOWLEDGEMENT
				? undefined
				: `n8n's own refusal answered "success": Qingsuyun would not retry`;
	}
}

export const qingsuyunHostile: HostilePlatform = {
	name: 'qingsuyun',
	fixtures: {
		credentials: ['qingsuyun.credentials.json'],
		workflows: ['qingsuyun.bare.workflows.json'],
		substitutions: { QINGSUYUN_SECRET: SECRET },
		workflowIds: ['qsyHostileAll001', 'qsyHostileExam01'],
		webhooks: [ALL, EXAMS],
	},
	secrets: [SECRET, unicodeEscaped(SECRET), percentEncoded(SECRET)],
	deduplicates: true,
	buildCorpus,
	protocolViolation,
	isFlaggedExecution: (data) => data.includes('"Unrecognized request"'),
};
