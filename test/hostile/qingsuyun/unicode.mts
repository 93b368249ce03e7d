/**
 * Unicode edge cases inside a valid callback, and bytes that are not UTF-8 at all.
 */
import { AWKWARD_STRINGS, INVALID_UTF8 } from '../mutations.mjs';
import { percentEncoded, unicodeEscaped } from '../wrongSecrets.mjs';
import type { CorpusBuilder } from '../builder.mjs';
import { JSON_TYPE, TEXT_TYPE } from '../contentTypes.mjs';
import { SECRET, callback } from './callback.mjs';

/** Unicode edge cases inside a valid callback, and bytes that are not UTF-8 at all. */
export function addUnicodeEdgeCases({ add, nextMarker }: CorpusBuilder): void {
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
			body: JSON.stringify(callback('answerSheet', keyMarker)).replace(
				SECRET,
				unicodeEscaped(SECRET),
			),
			contentType: JSON_TYPE,
			marker: keyMarker,
			expect: 'execution',
		});
		const flaggedKeyMarker = nextMarker();
		add('Unicode', 'key written as \\u escapes, no type', {
			body: JSON.stringify({
				...callback('answerSheet', flaggedKeyMarker),
				type: undefined,
			}).replace(SECRET, unicodeEscaped(SECRET)),
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
	for (const lookalike of [
		SECRET.replace(/a/, 'а'),
		SECRET.replace(/1/, '１'),
		`${SECRET}\u200B`,
		SECRET.normalize('NFKD') + '\u0301',
	]) {
		const marker = nextMarker();
		add('Unicode', 'look-alike key', {
			body: JSON.stringify(callback('answerSheet', marker, lookalike)),
			contentType: JSON_TYPE,
			marker,
			expect: 'unauthenticated',
		});
	}
}
