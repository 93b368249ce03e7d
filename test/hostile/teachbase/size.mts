/**
 * Deep nesting and sheer size, all within n8n's body limit.
 */
import type { CorpusBuilder } from '../builder.mjs';
import { JSON_TYPE, TEXT_TYPE } from '../contentTypes.mjs';
import { nestedArrayJson, nestedObjectJson, paddingJson } from '../mutations.mjs';
import { KIB, MIB } from '../sizes.mjs';

/** Deep and large bodies. (An empty body cannot carry a marker: the Teachbase e2e suite checks it.) */
export function addDeepAndLargeBodies({ add, nextMarker }: CorpusBuilder): void {
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
	for (const bytes of [64 * KIB, MIB, 4 * MIB]) {
		const marker = nextMarker();
		add('large bodies', `${bytes} bytes`, {
			body: `{"type":"material_stat","event":"updated","data":{"hostileMarker":"${marker}","blob":${paddingJson(bytes)}}}`,
			contentType: JSON_TYPE,
			marker,
			expect: 'execution',
		});
	}
}
