/**
 * Hostile XML (entity bombs, external entities, deep nesting, too many elements, oversized) and
 * XML cut short: refused by the parser, so flagged with the raw body, as text/plain and as
 * text/xml alike (the node reads every body itself; n8n's XML body parser used to get text/xml
 * first and refuse it with a 422, or never answer).
 */
import { cutsAfterMarker } from '../mutations.mjs';
import { TEXT_TYPE, XML_TYPE, qaXml, type GenseeBuilder } from './callback.mjs';

const BOMBS: Array<[string, (marker: string) => string]> = [
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
		(marker) => `<webcast id="${marker}">${'<q>'.repeat(5_000)}x${'</q>'.repeat(5_000)}</webcast>`,
	],
	[
		'over 1 MiB',
		(marker) =>
			`<webcast id="${marker}"><question id="q">${'长'.repeat(400_000)}</question></webcast>`,
	],
	[
		'processing instruction',
		(marker) => `<?xml-stylesheet href="file:///etc/passwd"?><!DOCTYPE x><webcast id="${marker}"/>`,
	],
];

export function addHostileXml({ add, nextMarker }: GenseeBuilder): void {
	for (const [name, make] of BOMBS) {
		for (const [typeName, contentType] of [
			['text/plain', TEXT_TYPE],
			['text/xml', XML_TYPE],
		] as const) {
			const marker = nextMarker();
			add('hostile XML', `${name} (${typeName})`, {
				method: 'POST',
				body: make(marker),
				contentType,
				marker,
				expect: 'flagged',
			});
		}
	}
}

/** Q&A documents cut short after the marker, and a body that is not XML at all. */
export function addTruncatedXml({ add, nextMarker }: GenseeBuilder): void {
	for (const [count, typeName, contentType] of [
		[20, 'text/plain', TEXT_TYPE],
		[3, 'text/xml', XML_TYPE],
	] as const) {
		for (const { point, cut } of cutsAfterMarker((marker) => qaXml(marker), count)) {
			const marker = nextMarker();
			add('truncated XML', `cut at ${point} (${typeName})`, {
				method: 'POST',
				body: cut(marker),
				contentType,
				marker,
				expect: 'flagged',
			});
		}
	}
	const notXml = nextMarker();
	add('truncated XML', 'not XML at all (text/xml)', {
		method: 'POST',
		body: `hello ${notXml}`,
		contentType: XML_TYPE,
		marker: notXml,
		expect: 'flagged',
	});
}
