import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isRecord } from '../guards';

/** A collection parameter (additional fields, options, filters) as an object, whatever n8n hands back. */
export function collectionParameter(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
): IDataObject {
	const value = context.getNodeParameter(name, itemIndex, {});
	return isRecord(value) ? value : {};
}

/** A trimmed text parameter that must not be empty. */
export function requiredText(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): string {
	const value = context.getNodeParameter(name, itemIndex, '');
	const text = typeof value === 'string' ? value.trim() : String(value);
	if (text === '')
		throw new NodeOperationError(context.getNode(), `${label} is empty`, { itemIndex });
	return text;
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
