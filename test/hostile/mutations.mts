/**
 * Platform-independent ways to spoil a request body: broken JSON, awkward Unicode, deep nesting,
 * sheer size. Platform adapters combine these with their own valid deliveries.
 */

/** Offsets at which to cut a text short, spread evenly from `from` to the end (exclusive). */
export function truncationPoints(text: string, from: number, count: number): number[] {
	const points = new Set<number>();
	const span = text.length - from;
	for (let index = 0; index < count; index++) {
		points.add(from + Math.floor((span * index) / count));
	}
	return [...points].filter((point) => point > 0 && point < text.length);
}

/** A valid JSON text turned into something no JSON parser accepts, each with a short name. */
export function brokenJsonVariants(validJson: string): Array<{ name: string; text: string }> {
	return [
		{ name: 'trailing garbage', text: `${validJson}garbage` },
		{ name: 'two objects', text: `${validJson}${validJson}` },
		{ name: 'trailing comma', text: validJson.replace(/}$/, ',}') },
		{ name: 'missing closing brace', text: validJson.slice(0, -1) },
		{ name: 'extra closing brace', text: `${validJson}}` },
		{ name: 'comment inside', text: validJson.replace(/^\{/, '{/* comment */') },
		{ name: 'NaN value', text: validJson.replace(/}$/, ',"score":NaN}') },
		{ name: 'unquoted key', text: validJson.replace(/}$/, ',score:1}') },
		{ name: 'raw control character', text: validJson.replace(/}$/, ',"note":"a\u0001b"}') },
		{ name: 'bad escape', text: validJson.replace(/}$/, ',"note":"\\x41"}') },
		{ name: 'stray prefix', text: `)]}',\n${validJson}` },
	];
}

/** Strings that trip up encoders, databases and log writers. `json` is how to write them in JSON. */
export const AWKWARD_STRINGS: ReadonlyArray<{ name: string; json: string }> = [
	{ name: 'lone high surrogate', json: '"before\\ud800after"' },
	{ name: 'lone low surrogate', json: '"before\\udfffafter"' },
	{ name: 'reversed surrogate pair', json: '"\\udc00\\ud800"' },
	{ name: 'NUL character', json: '"a\\u0000b"' },
	{ name: 'only NUL', json: '"\\u0000"' },
	{ name: 'right-to-left override', json: JSON.stringify('\u202Etxt.exe\u202C مرحبا שלום') },
	{ name: 'emoji and ZWJ sequence', json: JSON.stringify('👩‍👩‍👧‍👦 🏳️‍🌈 🇨🇳 😀') },
	{ name: 'combining marks', json: JSON.stringify('Z̸̡̢̛͚̙̤͓ͅa̷l̶g̴o̵') },
	{ name: 'astral CJK', json: JSON.stringify('𠀀𪚥𩸽 张三') },
	{ name: 'zero-width and BOM inside', json: JSON.stringify('a\u200Bb\uFEFFc\u2060d') },
	{ name: 'line and paragraph separators', json: JSON.stringify('a\u2028b\u2029c') },
	{ name: 'escaped everything', json: '"\\u5f20\\u4e09\\n\\t\\"\\\\\\/"' },
	{ name: 'noncharacters', json: JSON.stringify('\uFFFE\uFFFF\uFDD0') },
	{ name: 'very long string', json: JSON.stringify('长'.repeat(100_000)) },
];

/** Byte sequences that are not valid UTF-8, for placing inside an otherwise valid JSON string. */
export const INVALID_UTF8: ReadonlyArray<{ name: string; bytes: Buffer }> = [
	{ name: 'overlong NUL', bytes: Buffer.from([0xc0, 0x80]) },
	{ name: 'UTF-8-encoded surrogate', bytes: Buffer.from([0xed, 0xa0, 0x80]) },
	{ name: 'lone continuation byte', bytes: Buffer.from([0x80]) },
	{ name: 'byte 0xFF', bytes: Buffer.from([0xff, 0xfe]) },
	{ name: 'cut multibyte character', bytes: Buffer.from([0xe5, 0xbc]) },
];

/** `{"a":{"a":…}}` nested `depth` levels deep, as JSON text, around `leaf`. */
export function nestedObjectJson(depth: number, leaf = '1'): string {
	return `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
}

/** `[[[…]]]` nested `depth` levels deep, as JSON text. */
export function nestedArrayJson(depth: number): string {
	return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** A JSON string literal whose UTF-8 form is `bytes` long (ASCII filler). */
export function paddingJson(bytes: number): string {
	return JSON.stringify('x'.repeat(Math.max(0, bytes - 2)));
}

const PLACEHOLDER = 'PLACEHOLDER';

/**
 * `template(PLACEHOLDER)` cut short at `count` points after the marker, so that every cut still
 * carries it: each point with the cut body for a given marker.
 */
export function cutsAfterMarker(
	template: (marker: string) => string,
	count: number,
): Array<{ point: number; cut: (marker: string) => string }> {
	const full = template(PLACEHOLDER);
	const from = full.indexOf(PLACEHOLDER) + PLACEHOLDER.length + 2;
	return truncationPoints(full, from, count).map((point) => ({
		point,
		cut: (marker) =>
			full.replace(PLACEHOLDER, marker).slice(0, point + marker.length - PLACEHOLDER.length),
	}));
}
