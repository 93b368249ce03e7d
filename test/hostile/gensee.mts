/**
 * The Gensee Trigger under attack: spoiled callbacks on all seven interfaces, hostile Q&A XML
 * (entity bombs, external entities, deep nesting, too many elements, oversized, malformed),
 * wrong tokens, repeats. Gensee callbacks are GETs and POSTs on one URL; every authenticated
 * request gets the interface's own answer: an empty 200 for server callbacks, a page for the
 * roll-call and end pages, the JSON list for co-browse. Gensee has no retries to collapse, so a
 * repeated delivery is an execution of its own by design.
 */
import {
	GENSEE_SAMPLE_ACTIONS,
	GENSEE_QA_XML,
	genseeActionSample,
} from '../../support/samples/gensee.mjs';
import { markerFactory } from './markers.mjs';
import { AWKWARD_STRINGS, oneCharacterOff, truncationPoints } from './mutations.mjs';
import type { Expectation, HostilePlatform, HostileReply, HostileRequest } from './types.mjs';

const TOKEN = 'gsHostileToken7d3b9e1f5a2c';
const HOOK = 'gs-hostile/gensee';
const FORM_TYPE = 'application/x-www-form-urlencoded';
const TEXT_TYPE = 'text/plain; charset=utf-8';
const XML_TYPE = 'text/xml; charset=utf-8';

/** What the interface answers: categories whose requests get a page or the co-browse list. */
type Answer = 'empty' | 'page' | 'json';
const answers = new Map<string, Answer>();

/** The sample Q&A document with the marker as the first question's text. */
function qaXml(marker: string, extra = ''): string {
	return GENSEE_QA_XML.replace('老师，第三章的作业什么时候交？', `${marker} 老师？${extra}`);
}

function buildCorpus(): HostileRequest[] {
	const nextMarker = markerFactory('gensee');
	const corpus: HostileRequest[] = [];
	answers.clear();

	function add(
		category: string,
		name: string,
		options: {
			method?: 'GET' | 'POST';
			query?: Record<string, string>;
			body?: string;
			contentType?: string;
			token?: string | null;
			expect: Expectation;
			marker: string;
			answer?: Answer;
			concurrentGroup?: string;
		},
	): void {
		const token = options.token === undefined ? TOKEN : options.token;
		const label = `gensee/${category}/${name}#${corpus.length}`;
		answers.set(label, options.answer ?? 'empty');
		corpus.push({
			label,
			category,
			webhook: HOOK,
			method: options.method ?? 'GET',
			headers: options.contentType === undefined ? {} : { 'content-type': options.contentType },
			query: { ...(options.query ?? {}), ...(token === null ? {} : { token }) },
			body: options.body,
			marker: options.marker,
			authenticated: options.expect !== 'unauthenticated',
			expect: options.expect,
			concurrentGroup: options.concurrentGroup,
		});
	}

	// 1. Every status and courseware Action code: as a GET, as a POSTed form, with lower-case
	//    parameter names, and with the interface named on the URL.
	for (const action of GENSEE_SAMPLE_ACTIONS) {
		const variants: Array<[string, (marker: string) => Record<string, string>, 'GET' | 'POST']> = [
			['GET', (marker) => ({ ...genseeActionSample(action), ClassNo: marker }), 'GET'],
			['POSTed form', (marker) => ({ ...genseeActionSample(action), ClassNo: marker }), 'POST'],
			[
				'lower-case names',
				(marker) =>
					Object.fromEntries(
						Object.entries({ ...genseeActionSample(action), ClassNo: marker }).map(
							([key, value]) => [key.toLowerCase(), value],
						),
					),
				'GET',
			],
			[
				'extra unknown parameters',
				(marker) => ({
					...genseeActionSample(action),
					ClassNo: marker,
					foo: 'bar',
					Action2: '999',
				}),
				'GET',
			],
			[
				'interface named on the URL',
				(marker) => ({
					...genseeActionSample(action),
					ClassNo: marker,
					kind: ['111', '112'].includes(action) ? 'vod' : 'status',
				}),
				'GET',
			],
		];
		for (const [name, make, method] of variants) {
			const marker = nextMarker();
			const params = make(marker);
			add(
				'valid callbacks',
				`${action} ${name}`,
				method === 'GET'
					? { query: params, marker, expect: 'execution' }
					: {
							method,
							body: new URLSearchParams(params).toString(),
							contentType: FORM_TYPE,
							marker,
							expect: 'execution',
						},
			);
		}
	}

	// 2. Client Q&A XML under the content types a sender might use.
	for (const contentType of [
		TEXT_TYPE,
		XML_TYPE,
		'application/xml',
		'text/html',
		'application/octet-stream',
		undefined,
	]) {
		for (const [name, wrap] of [
			['plain', (xml: string) => xml],
			['with BOM', (xml: string) => `\uFEFF${xml}`],
			['leading whitespace', (xml: string) => `\n\n  ${xml}`],
		] as const) {
			const marker = nextMarker();
			add('Q&A XML', `${name} (${contentType ?? 'no content type'})`, {
				method: 'POST',
				body: wrap(qaXml(marker)),
				contentType,
				marker,
				expect: 'execution',
			});
		}
	}
	for (const [name, text] of [
		['emoji', '👩‍👩‍👧‍👦 🇨🇳'],
		['right-to-left', '\u202Etxt.exe مرحبا'],
		['astral CJK', '𠀀𪚥𩸽 张三'],
		['escaped markup', '&lt;script&gt;alert(1)&lt;/script&gt; &amp;&quot;'],
		['CDATA end inside text', ']]&gt; ]]'],
	] as const) {
		const marker = nextMarker();
		add('Q&A XML', `unicode ${name}`, {
			method: 'POST',
			body: qaXml(marker, text),
			contentType: TEXT_TYPE,
			marker,
			expect: 'execution',
		});
	}

	// 3. Web Q&A forms, roll call, end page, co-browse.
	for (const awkward of AWKWARD_STRINGS) {
		const marker = nextMarker();
		const question = `${marker} ${String(JSON.parse(awkward.json))}`;
		add('web Q&A', awkward.name, {
			method: 'POST',
			body: new URLSearchParams({
				userid: '1001',
				name: '王芳',
				question,
				webcastid: 'w1',
			}).toString(),
			contentType: FORM_TYPE,
			marker,
			expect: 'execution',
		});
		// A GET carries it in the URL, which Node limits to 16 KiB of headers: the first 1 000 characters.
		const getMarker = nextMarker();
		add('web Q&A', `${awkward.name} (GET)`, {
			query: {
				userid: '1002',
				name: '李',
				question: `${getMarker} ${String(JSON.parse(awkward.json)).slice(0, 1_000)}`,
				webcastid: 'w1',
			},
			marker: getMarker,
			expect: 'execution',
		});
	}
	for (let index = 0; index < 6; index++) {
		const roll = nextMarker();
		add('pages', `roll call ${index}`, {
			query: { userid: String(9_934_592_200 + index), webcastid: roll },
			marker: roll,
			expect: 'execution',
			answer: 'page',
		});
		const end = nextMarker();
		add('pages', `end page ${index}`, {
			query: { userid: '1', confid: end, username: `<script>alert(${index})</script>` },
			marker: end,
			expect: 'execution',
			answer: 'page',
		});
		const browse = nextMarker();
		add('co-browse', `list ${index}`, {
			query: { roomid: browse },
			marker: browse,
			expect: 'execution',
			answer: 'json',
		});
	}

	// 4. Hostile XML: refused by the parser, so flagged (with the raw body) — or refused by n8n's
	//    own XML body parser first when sent as text/xml.
	const bombs: Array<[string, (marker: string) => string]> = [
		[
			'billion laughs',
			(marker) =>
				`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><webcast id="${marker}"><question id="q">&lol4;</question></webcast>`,
		],
		[
			'external entity',
			(marker) =>
				`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><webcast id="${marker}"><question id="q">&xxe;</question></webcast>`,
		],
		[
			'external DTD',
			(marker) =>
				`<?xml version="1.0"?><!DOCTYPE webcast SYSTEM "http://127.0.0.1:9/evil.dtd"><webcast id="${marker}"><question id="q">x</question></webcast>`,
		],
		[
			'parameter entity',
			(marker) =>
				`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]><webcast id="${marker}"/>`,
		],
		[
			'quadratic blowup',
			(marker) =>
				`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "${'a'.repeat(50_000)}">]><webcast id="${marker}"><question id="q">${'&a;'.repeat(2_000)}</question></webcast>`,
		],
		[
			'too many elements',
			(marker) =>
				`<webcast id="${marker}">${'<question id="q">x</question>'.repeat(6_000)}</webcast>`,
		],
		[
			'nested 100 deep',
			(marker) => `<webcast id="${marker}">${'<q>'.repeat(100)}x${'</q>'.repeat(100)}</webcast>`,
		],
		[
			'nested 5000 deep',
			(marker) =>
				`<webcast id="${marker}">${'<q>'.repeat(5_000)}x${'</q>'.repeat(5_000)}</webcast>`,
		],
		[
			'over 1 MiB',
			(marker) =>
				`<webcast id="${marker}"><question id="q">${'长'.repeat(400_000)}</question></webcast>`,
		],
		[
			'processing instruction',
			(marker) =>
				`<?xml-stylesheet href="file:///etc/passwd"?><!DOCTYPE x><webcast id="${marker}"/>`,
		],
	];
	for (const [name, make] of bombs) {
		const marker = nextMarker();
		add('hostile XML', `${name} (text/plain)`, {
			method: 'POST',
			body: make(marker),
			contentType: TEXT_TYPE,
			marker,
			expect: 'flagged',
		});
		const xmlMarker = nextMarker();
		add('hostile XML', `${name} (text/xml)`, {
			method: 'POST',
			body: make(xmlMarker),
			contentType: XML_TYPE,
			marker: xmlMarker,
			expect: 'flagged',
		});
	}
	// Deep nesting within the limits is still a readable Q&A document (with an odd question).
	const full = qaXml('PLACEHOLDER');
	for (const point of truncationPoints(
		full,
		full.indexOf('PLACEHOLDER') + 'PLACEHOLDER'.length + 2,
		20,
	)) {
		const marker = nextMarker();
		add('truncated XML', `cut at ${point} (text/plain)`, {
			method: 'POST',
			body: full
				.replace('PLACEHOLDER', marker)
				.slice(0, point + marker.length - 'PLACEHOLDER'.length),
			contentType: TEXT_TYPE,
			marker,
			expect: 'flagged',
		});
	}

	// The same, as text/xml: n8n's own XML body parser used to get these first and refuse them
	// (422) or never answer; the node now reads every body itself.
	for (const point of truncationPoints(
		full,
		full.indexOf('PLACEHOLDER') + 'PLACEHOLDER'.length + 2,
		3,
	)) {
		const marker = nextMarker();
		add('truncated XML', `cut at ${point} (text/xml)`, {
			method: 'POST',
			body: full
				.replace('PLACEHOLDER', marker)
				.slice(0, point + marker.length - 'PLACEHOLDER'.length),
			contentType: XML_TYPE,
			marker,
			expect: 'flagged',
		});
	}
	const notXml = nextMarker();
	add('truncated XML', 'not XML at all (text/xml)', {
		method: 'POST',
		body: `hello ${notXml}`,
		contentType: XML_TYPE,
		marker: notXml,
		expect: 'flagged',
	});

	// 5. Requests that match no interface: flagged, with what was received (token redacted).
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
	// Prototype keys alongside a real callback are just parameters.
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
	// n8n's own body parser answered these 422 before the node read its bodies itself.
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

	// 6. Large bodies.
	for (const bytes of [64 * 1024, 900 * 1024]) {
		const marker = nextMarker();
		add('large bodies', `web question of ${bytes} bytes`, {
			method: 'POST',
			body: new URLSearchParams({
				userid: '1',
				name: 'n',
				webcastid: 'w',
				question: `${marker}${'问'.repeat(Math.floor(bytes / 9))}`,
			}).toString(),
			contentType: FORM_TYPE,
			marker,
			expect: 'execution',
		});
	}
	const bigXml = nextMarker();
	add('large bodies', 'Q&A XML of 4 MiB', {
		method: 'POST',
		body: qaXml(bigXml, 'x'.repeat(4 * 1024 * 1024)),
		contentType: TEXT_TYPE,
		marker: bigXml,
		expect: 'flagged',
	});

	// 7. Wrong, missing and near-miss tokens, on each kind of request.
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
	for (const [name, token] of wrongTokens) {
		const xml = nextMarker();
		add('wrong tokens', `${name} (Q&A XML)`, {
			method: 'POST',
			body: qaXml(xml),
			contentType: TEXT_TYPE,
			token,
			marker: xml,
			expect: 'unauthenticated',
		});
		const status = nextMarker();
		add('wrong tokens', `${name} (status)`, {
			query: { ...genseeActionSample('101'), ClassNo: status },
			token,
			marker: status,
			expect: 'unauthenticated',
		});
		const roll = nextMarker();
		add('wrong tokens', `${name} (roll call)`, {
			query: { userid: '1', webcastid: roll },
			token,
			marker: roll,
			expect: 'unauthenticated',
			answer: 'page',
		});
	}
	const bodyToken = nextMarker();
	add('wrong tokens', 'token in the form instead of the URL', {
		method: 'POST',
		body: new URLSearchParams({
			userid: '1',
			name: 'n',
			webcastid: 'w',
			question: bodyToken,
			token: TOKEN,
		}).toString(),
		contentType: FORM_TYPE,
		token: null,
		marker: bodyToken,
		expect: 'unauthenticated',
	});

	// 8. Repeats: Gensee does not retry, so the same callback twice is two events; each runs.
	for (let group = 0; group < 8; group++) {
		const marker = nextMarker();
		const query = { ...genseeActionSample(GENSEE_SAMPLE_ACTIONS[group] ?? '101'), ClassNo: marker };
		for (let attempt = 0; attempt < 3; attempt++) {
			add('repeated deliveries', `group ${group} delivery ${attempt}`, {
				query,
				marker,
				expect: 'execution',
				concurrentGroup: group % 2 === 0 ? `gs-race-${group}` : undefined,
			});
		}
	}

	return corpus;
}

function protocolViolation(request: HostileRequest, reply: HostileReply): string | undefined {
	const expectation = request.expect;
	if (expectation === 'n8nRefuses') return undefined;
	if (reply.networkError) return `no HTTP reply: ${reply.networkError}`;
	if (expectation === 'unauthenticated') {
		return reply.status === 403
			? undefined
			: `expected 403, got ${reply.status} ${JSON.stringify(reply.text.slice(0, 80))}`;
	}
	if (reply.status !== 200)
		return `expected 200, got ${reply.status} ${JSON.stringify(reply.text.slice(0, 80))}`;
	switch (answers.get(request.label) ?? 'empty') {
		case 'empty':
			return reply.text === ''
				? undefined
				: `a server callback gets an empty 200, got ${JSON.stringify(reply.text.slice(0, 80))}`;
		case 'page':
			return reply.contentType?.startsWith('text/html') === true &&
				reply.text.includes('<html') &&
				!reply.text.includes('<script>alert')
				? undefined
				: `a browser page must be escaped HTML, got ${reply.contentType} ${JSON.stringify(reply.text.slice(0, 120))}`;
		case 'json':
			try {
				JSON.parse(reply.text);
				return reply.contentType?.startsWith('application/json') === true
					? undefined
					: `co-browse JSON with content type ${reply.contentType}`;
			} catch {
				return `co-browse must answer JSON, got ${JSON.stringify(reply.text.slice(0, 80))}`;
			}
	}
}

export const genseeHostile: HostilePlatform = {
	name: 'gensee',
	fixtures: {
		credentials: ['gensee.hostile.credentials.json'],
		workflows: ['gensee.bare.workflows.json'],
		substitutions: { GENSEE_HOSTILE_TOKEN: TOKEN },
		workflowIds: ['gsHostileAll0001'],
		webhooks: [HOOK],
	},
	secrets: [TOKEN],
	deduplicates: false,
	buildCorpus,
	protocolViolation,
	isFlaggedExecution: (data) => data.includes('"Unrecognized request"'),
};
