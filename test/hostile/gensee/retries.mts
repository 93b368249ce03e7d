/**
 * Repeats: Gensee does not retry, so the same callback twice is two events; each runs.
 */
import { GENSEE_SAMPLE_ACTIONS, genseeActionSample } from '../../../support/samples/gensee.mjs';
import type { GenseeBuilder } from './callback.mjs';

export function addRepeatedDeliveries({ add, nextMarker }: GenseeBuilder): void {
	for (let group = 0; group < 8; group++) {
		const marker = nextMarker();
		const query = { ...genseeActionSample(GENSEE_SAMPLE_ACTIONS[group] ?? '101'), ClassNo: marker };
		for (let attempt = 0; attempt < 3; attempt++) {
			add('repeated deliveries', `group ${group} delivery ${attempt}`, {
				query,
				marker,
				expect: 'execution',
				concurrentGroup: group % 2 === 0 ? `gs-race-${group}` : undefined,
			});
		}
	}
}
