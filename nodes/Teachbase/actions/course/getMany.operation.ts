import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { collectionParameter } from '../../../shared/actions/parameters';
import { teachbaseApiRequestAllItems } from '../../transport/pagination';
import { filtersProperty, limitProperty, pagingOf, returnAllProperty } from '../common.description';

const properties: INodeProperties[] = [
	returnAllProperty,
	limitProperty,
	filtersProperty([
		{
			displayName: 'Course Type IDs',
			name: 'types',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3, 7',
			description:
				'Comma-separated IDs of course types (the categories in Teachbase) to return courses of',
		},
	]),
];

export const description = operationProperties('course', 'getMany', properties);

/** "3, 7" → [3, 7]; anything that is not a whole number is dropped. */
export function idList(text: unknown): number[] {
	if (typeof text !== 'string') return [];
	return text
		.split(',')
		.map((part) => part.trim())
		.filter((part) => /^\d+$/.test(part))
		.map(Number);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const types = idList(collectionParameter(this, 'filters', itemIndex).types);
	const qs: IDataObject = types.length > 0 ? { types } : {};
	return await teachbaseApiRequestAllItems.call(this, ['courses'], qs, pagingOf(this, itemIndex));
}
