/**
 * Retries: Teachbase re-sends the same body; sequential and racing deliveries start one execution.
 */
import type { CorpusBuilder } from '../builder.mjs';
import { JSON_TYPE } from '../contentTypes.mjs';
import { webhook } from './webhook.mjs';

export function addRepeatedDeliveries({ add, nextMarker }: CorpusBuilder): void {
	for (let group = 0; group < 10; group++) {
		const marker = nextMarker();
		const body = JSON.stringify(webhook(group, marker));
		for (let attempt = 0; attempt < 5; attempt++) {
			add('repeated deliveries', `retry group ${group} attempt ${attempt}`, {
				body,
				contentType: JSON_TYPE,
				marker,
				expect: attempt === 0 ? 'execution' : 'duplicate',
				concurrentGroup: group % 2 === 0 ? `tb-race-${group}` : undefined,
			});
		}
	}
}
