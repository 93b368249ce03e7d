/**
 * Bodies the node cannot read: otherwise broken JSON, or cut short.
 */
import type { CorpusBuilder } from '../builder.mjs';
import { JSON_TYPE, TEXT_TYPE } from '../contentTypes.mjs';
import { brokenJsonVariants, cutsAfterMarker } from '../mutations.mjs';
import { webhook } from './webhook.mjs';

/** Broken JSON, flagged whether declared as text or as JSON. */
export function addMalformedJson({ add, nextMarker }: CorpusBuilder): void {
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
}

/** Webhooks cut short after their marker. */
export function addTruncatedBodies({ add, nextMarker }: CorpusBuilder): void {
	for (const { point, cut } of cutsAfterMarker(
		(marker) => JSON.stringify(webhook(3, marker)),
		30,
	)) {
		const marker = nextMarker();
		add('truncated JSON', `cut at ${point}`, {
			body: cut(marker),
			contentType: TEXT_TYPE,
			marker,
			expect: 'flagged',
		});
	}
}
