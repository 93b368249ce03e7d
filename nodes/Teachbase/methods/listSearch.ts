import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import type { JsonRecord } from '../../shared/guards';
import { isRecord } from '../../shared/guards';
import { listOf, MAX_PER_PAGE } from '../transport/pagination';
import { teachbaseApiCall } from '../transport/request';

function label(record: JsonRecord, fallback: string): string {
	return typeof record.name === 'string' && record.name.trim() !== ''
		? record.name.trim()
		: fallback;
}

function idOf(record: JsonRecord): string | undefined {
	return typeof record.id === 'number' || typeof record.id === 'string'
		? String(record.id)
		: undefined;
}

/**
 * A list search method: one page of a list for the panel. Teachbase has no name search, so the
 * page is filtered here and the next page number is handed back for "load more".
 */
function listSearch(
	path: string[],
	toItem: (record: JsonRecord) => INodeListSearchItems | undefined,
): (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult> {
	return async function (this: ILoadOptionsFunctions, filter, paginationToken) {
		const page = Math.max(1, Number(paginationToken ?? '1') || 1);
		const reply = await teachbaseApiCall.call(this, 'GET', path, undefined, {
			page,
			per_page: MAX_PER_PAGE,
		});
		const list = listOf(reply.body) ?? [];
		const wanted = (filter ?? '').trim().toLowerCase();
		const results = list
			.map(toItem)
			.filter((item): item is INodeListSearchItems => item !== undefined)
			.filter((item) => wanted === '' || item.name.toLowerCase().includes(wanted));
		return {
			results,
			paginationToken: list.length < MAX_PER_PAGE ? undefined : String(page + 1),
		};
	};
}

export const searchCourses = listSearch(['courses'], (course) => {
	const id = idOf(course);
	return id === undefined ? undefined : { name: `${label(course, 'Course')} (${id})`, value: id };
});

export const searchSessions = listSearch(['course_sessions'], (session) => {
	const id = idOf(session);
	if (id === undefined) return undefined;
	const course = isRecord(session.course) ? label(session.course, '') : '';
	const name = label(session, 'Session');
	return { name: course === '' ? `${name} (${id})` : `${course}: ${name} (${id})`, value: id };
});
