/**
 * Realistic Teachbase webhooks: every documented type × `created`/`updated`, with the attributes
 * the Teachbase API returns for each entity. Used by `npm run send` and the end-to-end tests.
 */
import type { CourseStatData } from '../../nodes/Teachbase/payload';
import { SampleError, type SamplePlatform } from './types.mjs';

export const TEACHBASE_SAMPLE_TYPES = [
	'course_stat',
	'section_stat',
	'quiz_stat',
	'task_stat',
	'scorm_stat',
	'material_stat',
] as const;
export type TeachbaseSampleType = (typeof TEACHBASE_SAMPLE_TYPES)[number];
export const TEACHBASE_SAMPLE_EVENTS = ['created', 'updated'] as const;
export type TeachbaseSampleEvent = (typeof TEACHBASE_SAMPLE_EVENTS)[number];

export interface TeachbaseSample {
	type: string;
	event: string;
	data: Record<string, unknown>;
}

const courseStat = (event: TeachbaseSampleEvent): CourseStatData & Record<string, unknown> => ({
	id: 5120345,
	course_id: 84213,
	course_session_id: 190327,
	user_id: 2240981,
	status: event === 'created' ? 'new' : 'inprogress',
	progress: event === 'created' ? 0 : 62.5,
	total_score: event === 'created' ? 0 : 45,
	started_at: event === 'created' ? null : '2024-03-01T10:15:00+03:00',
	completed_at: null,
	created_at: '2024-03-01T09:00:12+03:00',
	updated_at: event === 'created' ? '2024-03-01T09:00:12+03:00' : '2024-03-04T18:42:05+03:00',
	user: { id: 2240981, name: 'Анна', last_name: 'Смирнова', email: 'a.smirnova@example.ru' },
});

function dataFor(type: TeachbaseSampleType, event: TeachbaseSampleEvent): Record<string, unknown> {
	const updated = event === 'updated';
	const common = {
		course_id: 84213,
		course_session_id: 190327,
		user_id: 2240981,
		created_at: 1709272812,
		updated_at: updated ? 1709566925 : 1709272812,
	};
	switch (type) {
		case 'course_stat':
			return courseStat(event);
		case 'section_stat':
			return {
				id: 771034,
				section_id: 33012,
				section_name: 'Модуль 1. Основы продаж',
				progress: updated ? 100 : 0,
				status: updated ? 'completed' : 'new',
				...common,
			};
		case 'quiz_stat':
			return {
				id: 918221,
				quiz_id: 5544,
				quiz_name: 'Итоговый тест',
				attempt: 1,
				score: updated ? 17 : 0,
				max_score: 20,
				percent: updated ? 85 : 0,
				status: updated ? 'passed' : 'inprogress',
				started_at: '2024-03-04 18:20:00',
				finished_at: updated ? '2024-03-04 18:41:33' : null,
				...common,
			};
		case 'task_stat':
			return {
				id: 401876,
				task_id: 2290,
				task_name: 'Разбор кейса клиента',
				status: updated ? 'checking' : 'new',
				mark: updated ? null : null,
				answer_text: updated ? 'Предлагаю начать с выявления потребностей…' : '',
				...common,
			};
		case 'scorm_stat':
			return {
				id: 66120,
				scorm_id: 812,
				scorm_name: 'Техника безопасности (SCORM)',
				lesson_status: updated ? 'completed' : 'incomplete',
				score_raw: updated ? 92 : null,
				total_time: updated ? 'PT24M10S' : 'PT0S',
				...common,
			};
		case 'material_stat':
			return {
				id: 1209934,
				material_id: 45098,
				material_name: 'Видео: презентация продукта',
				progress: updated ? 100 : 10,
				viewed: updated,
				time_spent: updated ? 845 : 30,
				...common,
			};
	}
}

export function teachbaseSample(
	type: TeachbaseSampleType,
	event: TeachbaseSampleEvent,
): TeachbaseSample {
	return { type, event, data: dataFor(type, event) };
}

/** The older documented shape, `{"<entity>": {"<action>": {fields}}}`. */
export function teachbaseLegacySample(
	type: TeachbaseSampleType,
	event: TeachbaseSampleEvent,
): Record<string, unknown> {
	return { [type]: { [event]: dataFor(type, event) } };
}

function isSampleType(value: string): value is TeachbaseSampleType {
	return (TEACHBASE_SAMPLE_TYPES as readonly string[]).includes(value);
}

function isSampleEvent(value: string): value is TeachbaseSampleEvent {
	return (TEACHBASE_SAMPLE_EVENTS as readonly string[]).includes(value);
}

const ALL_EVENTS = TEACHBASE_SAMPLE_TYPES.flatMap((type) =>
	TEACHBASE_SAMPLE_EVENTS.map((event) => `${type}.${event}`),
);

export const teachbaseSamples: SamplePlatform = {
	events: ALL_EVENTS,
	flagsUsage: '[--token T]  (when the trigger uses Token in URL)',
	deliveries(event, { flags }) {
		const names = event === 'all' ? ALL_EVENTS : [event];
		return names.map((name) => {
			const [type = '', action = ''] = name.split('.');
			if (!isSampleType(type) || !isSampleEvent(action)) {
				throw new SampleError(`Unknown Teachbase event "${name}": use <type>.<created|updated>.`);
			}
			return {
				label: `teachbase ${name}`,
				method: 'POST',
				contentType: 'application/json',
				query: flags.token ? { token: flags.token } : undefined,
				body: JSON.stringify(teachbaseSample(type, action)),
			};
		});
	},
};
