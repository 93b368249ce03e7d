/**
 * Wrong, missing and near-miss keys, and keys where Qingsuyun never puts them.
 */
import { oneCharacterOff, oneCharacterOffAt } from '../wrongSecrets.mjs';
import type { CorpusBuilder } from '../builder.mjs';
import { JSON_TYPE } from '../contentTypes.mjs';
import { ALL, EXAMS, SECRET, TYPES, callback, typeAt, type Fields } from './callback.mjs';

/** Wrong, missing and near-miss keys. */
export function addWrongKeys({ add, nextMarker }: CorpusBuilder): void {
	const nearMisses: Array<{ name: string; secret: string }> = [
		...oneCharacterOffAt(SECRET, [0, 1, 8, 15, 16, 23, 30, 31]),
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
			body: JSON.stringify({
				...withoutKey,
				eventBody: { ...(withoutKey.eventBody as Fields), secretKey: SECRET },
			}),
			contentType: JSON_TYPE,
			marker: nestedMarker,
			expect: 'unauthenticated',
		});
	}
}
