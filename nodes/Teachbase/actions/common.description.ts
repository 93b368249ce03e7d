import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isRecord } from '../../shared/guards';

export { limitProperty, returnAllProperty } from '../../shared/actions/description';
export { pagingOf } from '../../shared/actions/parameters';

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

/** A Get Many operation's filters, each optional. */
export function filtersProperty(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options,
	};
}

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
