import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isRecord } from '../../shared/guards';

export const courseIdProperty: INodeProperties = {
	displayName: 'Course',
	name: 'courseId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Teachbase course',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchCourses', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1234',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A course ID is a number' },
				},
			],
		},
	],
};

export const sessionIdProperty: INodeProperties = {
	displayName: 'Course Session',
	name: 'sessionId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The course session (a run of a course with its own participants and dates)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchSessions', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 5678',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A session ID is a number' },
				},
			],
		},
	],
};

export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** A resource locator's value (or a plain value) as a positive whole-number ID. */
export function idParameter(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): number {
	const raw: unknown = context.getNodeParameter(name, itemIndex, '', { extractValue: true });
	const value = isRecord(raw) ? raw.value : raw;
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
		throw new NodeOperationError(
			context.getNode(),
			text === '' ? `${label} is empty` : `${label} must be a number, not "${text.slice(0, 40)}"`,
			{
				itemIndex,
				description: `Pick the ${label.toLowerCase()} from the list or enter its numeric ID.`,
			},
		);
	}
	return Number(text);
}

/** The paging parameters of a Get Many operation. */
export function pagingOf(
	context: IExecuteFunctions,
	itemIndex: number,
): { returnAll: boolean; limit?: number } {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) === true;
	return returnAll
		? { returnAll }
		: { returnAll, limit: Number(context.getNodeParameter('limit', itemIndex, 50)) };
}
