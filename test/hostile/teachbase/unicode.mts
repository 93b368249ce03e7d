/**
 * Awkward Unicode inside a valid webhook: just data.
 */
import type { CorpusBuilder } from '../builder.mjs';
import { JSON_TYPE, TEXT_TYPE } from '../contentTypes.mjs';
import { AWKWARD_STRINGS } from '../mutations.mjs';

/** Every awkward string as a field's value, declared as JSON and as text. */
export function addUnicodeEdgeCases({ add, nextMarker }: CorpusBuilder): void {
	for (const awkward of AWKWARD_STRINGS) {
		for (const contentType of [JSON_TYPE, TEXT_TYPE]) {
			const marker = nextMarker();
			add('unicode', `${awkward.name} (${contentType})`, {
				body: `{"type":"quiz_stat","event":"updated","data":{"hostileMarker":"${marker}","name":${awkward.json}}}`,
				contentType,
				marker,
				expect: 'execution',
			});
		}
	}
}
