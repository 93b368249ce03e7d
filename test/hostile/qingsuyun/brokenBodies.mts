/**
 * Bodies the node cannot read: cut short, otherwise broken JSON, empty, or not a JSON object.
 */
import { brokenJsonVariants, truncationPoints } from '../mutations.mjs';
import { oneCharacterOff } from '../wrongSecrets.mjs';
import type { CorpusBuilder } from '../builder.mjs';
import { JSON_TYPE, TEXT_TYPE } from '../contentTypes.mjs';
import { SECRET, TYPES, callback } from './callback.mjs';

/** Truncated callbacks. With the key still whole in the text, the node must flag them. */
export function addTruncatedBodies({ add, nextMarker }: CorpusBuilder): void {
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
					// Declared JSON too: n8n's body parser, which answered those 422, never sees them.
					expect: 'flagged',
				});
			}
		}
		const beforeSecret = full.indexOf(SECRET) - 2;
		for (const point of truncationPoints(
			full.slice(0, beforeSecret),
			full.indexOf(marker) + marker.length,
			6,
		)) {
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
}

/** Other broken JSON, declared as text (the node sees it) and as JSON (n8n refuses it). */
export function addMalformedJson({ add, nextMarker }: CorpusBuilder): void {
	for (const [index, type] of TYPES.entries()) {
		const marker = nextMarker();
		for (const variant of brokenJsonVariants(JSON.stringify(callback(type, marker)))) {
			for (const contentType of index === 0 ? [TEXT_TYPE, JSON_TYPE] : [TEXT_TYPE]) {
				const variantMarker = nextMarker();
				add('malformed JSON', `${variant.name}, ${contentType}`, {
					body: variant.text.split(marker).join(variantMarker),
					contentType,
					marker: variantMarker,
					// Declared JSON too: n8n's body parser, which answered those 422, never sees them.
					expect: 'flagged',
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
}

/** Empty and non-object bodies. */
export function addEmptyAndNonObjectBodies({ add, nextMarker }: CorpusBuilder): void {
	for (const contentType of [
		JSON_TYPE,
		TEXT_TYPE,
		undefined,
		'application/x-www-form-urlencoded',
	]) {
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
		expect: 'unauthenticated',
	});
	add('empty bodies', 'no body at all', {
		contentType: undefined,
		marker: nextMarker(),
		expect: 'unauthenticated',
	});
	for (const text of ['null', 'true', '0', '"success"', '[]', '{}', '[null]']) {
		add('non-object JSON', text, {
			body: text,
			contentType: JSON_TYPE,
			marker: nextMarker(),
			expect: 'unauthenticated',
		});
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
}
