/**
 * Repeated deliveries of one event: one after another, and racing each other.
 */
import type { CorpusBuilder } from '../builder.mjs';
import { JSON_TYPE, TEXT_TYPE } from '../contentTypes.mjs';
import { EXAMS, callback, typeAt } from './callback.mjs';

/** Repeated deliveries: one after another, and racing each other. */
export function addRepeatedDeliveries({ add, nextMarker }: CorpusBuilder): void {
	for (let event = 0; event < 10; event++) {
		const marker = nextMarker();
		const body = JSON.stringify(callback(typeAt(event), marker));
		for (let attempt = 0; attempt < 3; attempt++) {
			add('repeated deliveries', `event ${event}, attempt ${attempt + 1}`, {
				body,
				contentType: JSON_TYPE,
				marker,
				expect: attempt === 0 ? 'execution' : 'duplicate',
			});
		}
	}
	for (let event = 0; event < 6; event++) {
		const marker = nextMarker();
		const body = JSON.stringify(callback(typeAt(event), marker));
		for (let attempt = 0; attempt < 5; attempt++) {
			add('repeated deliveries', `event ${event}, racing attempt ${attempt + 1}`, {
				body,
				contentType: JSON_TYPE,
				marker,
				// Which attempt wins the race is not known; the check is one execution per marker.
				expect: attempt === 0 ? 'execution' : 'duplicate',
				concurrentGroup: `race-${marker}`,
			});
		}
	}
	{
		const marker = nextMarker();
		add('repeated deliveries', 'same uuid, first delivery', {
			body: JSON.stringify(callback('answerSheet', marker)),
			contentType: JSON_TYPE,
			marker,
			expect: 'execution',
		});
		add('repeated deliveries', 'same uuid, other type and content', {
			body: JSON.stringify({ ...callback('courseFinish', marker), ts: '2030-01-01 00:00:00' }),
			contentType: TEXT_TYPE,
			marker,
			expect: 'duplicate',
		});
		const examMarker = nextMarker();
		for (let attempt = 0; attempt < 3; attempt++) {
			add('repeated deliveries', `exams-only workflow, attempt ${attempt + 1}`, {
				body: JSON.stringify(callback('answerSheet', examMarker)),
				contentType: JSON_TYPE,
				marker: examMarker,
				webhook: EXAMS,
				expect: attempt === 0 ? 'execution' : 'duplicate',
			});
		}
	}
}
