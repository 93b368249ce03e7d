/**
 * Deep nesting and sheer size, up to and over n8n's body limit.
 */
import { nestedArrayJson, nestedObjectJson, paddingJson } from '../mutations.mjs';
import { MIB, N8N_BODY_LIMIT } from '../sizes.mjs';
import { oneCharacterOff } from '../wrongSecrets.mjs';
import type { CorpusBuilder } from '../builder.mjs';
import { JSON_TYPE, TEXT_TYPE } from '../contentTypes.mjs';
import { SECRET, callback } from './callback.mjs';

/** Deep nesting and sheer size. */
export function addDeepAndLargeBodies({ add, nextMarker }: CorpusBuilder): void {
	for (const depth of [100, 1_000, 5_000, 50_000]) {
		for (const shape of ['object', 'array'] as const) {
			const marker = nextMarker();
			const nested = shape === 'object' ? nestedObjectJson(depth) : nestedArrayJson(depth);
			add('deep nesting', `${shape} depth ${depth}`, {
				body: JSON.stringify(callback('answerSheet', marker)).replace(
					'"eventBody":{',
					`"eventBody":{"deep":${nested},`,
				),
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
		return base.replace(
			'"eventBody":{',
			`"eventBody":{"padding":${paddingJson(bytes - overhead)},`,
		);
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
		add('large bodies', '100 000-element array', {
			body: manyItems,
			contentType: JSON_TYPE,
			marker,
			expect: 'execution',
		});
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
				status: 413,
				// raw-body's 413, thrown when the node asks n8n for the bytes; the node answers it
				// itself, since thrown from the node it would become a failed execution.
				reason:
					"over n8n's body limit (N8N_PAYLOAD_SIZE_MAX, 16 MiB): n8n will not hand the bytes over, so the node answers 413 and starts nothing",
				authenticated,
			},
		});
	}
}
