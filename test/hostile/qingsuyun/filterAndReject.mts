/**
 * The exams-only workflow, which filters other types and rejects unreadable requests.
 */
import type { CorpusBuilder } from '../builder.mjs';
import { JSON_TYPE, TEXT_TYPE } from '../contentTypes.mjs';
import { EXAMS, SECRET, TYPES, callback } from './callback.mjs';

/** The exams-only workflow that rejects unreadable requests. */
export function addFilterAndReject({ add, nextMarker }: CorpusBuilder): void {
	for (const type of TYPES) {
		const marker = nextMarker();
		add('filter and reject', `${type} → exams only`, {
			body: JSON.stringify(callback(type, marker)),
			contentType: JSON_TYPE,
			marker,
			webhook: EXAMS,
			expect: type === 'answerSheet' ? 'execution' : 'filtered',
		});
	}
	for (const cut of [120, 200, 260]) {
		const marker = nextMarker();
		const full = JSON.stringify(callback('answerSheet', marker));
		add('filter and reject', `unreadable, cut at ${full.indexOf(SECRET) + SECRET.length + cut}`, {
			body: full.slice(0, full.indexOf(SECRET) + SECRET.length + cut),
			contentType: TEXT_TYPE,
			marker,
			webhook: EXAMS,
			expect: 'rejected',
		});
	}
	{
		const marker = nextMarker();
		add('filter and reject', 'no eventBody', {
			body: JSON.stringify({ ...callback('answerSheet', marker), eventBody: 'none' }),
			contentType: JSON_TYPE,
			marker,
			webhook: EXAMS,
			expect: 'rejected',
		});
	}
}
