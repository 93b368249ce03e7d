import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isRecord } from '../../shared/guards';

export { limitProperty, returnAllProperty } from '../../shared/actions/description';
export { requiredText } from '../../shared/actions/parameters';

export const roomUuidProperty: INodeProperties = {
	displayName: 'Classroom ID',
	name: 'roomUuid',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. math-101-2026-11-22',
	description:
		"The classroom's roomUuid, exactly as it was created (up to 64 characters; spaces and #?&% are fine)",
};

export const userUuidProperty: INodeProperties = {
	displayName: 'User ID',
	name: 'userUuid',
	type: 'string',
	default: '',
	required: true,
	description: 'The userUuid the user joined the classroom with',
};

export function propertiesJson(what: string): INodeProperties {
	return {
		displayName: 'Properties',
		name: 'properties',
		type: 'json',
		default: '{\n  "key": "value"\n}',
		required: true,
		description: `The ${what} properties to set or change, as a JSON object. Nested objects are merged by Agora.`,
	};
}

export function propertyKeys(what: string): INodeProperties {
	return {
		displayName: 'Property Keys',
		name: 'keys',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. examId, flags.muted',
		description: `Comma-separated keys of the ${what} properties to delete (dots reach into nested objects)`,
	};
}

/** A JSON-object parameter, given as an object or as JSON text. */
export function jsonObject(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
): IDataObject {
	const value = context.getNodeParameter(name, itemIndex, {});
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = value.trim() === '' ? {} : JSON.parse(value);
		} catch {
			throw new NodeOperationError(context.getNode(), `${label} is not valid JSON`, {
				itemIndex,
				description: 'Enter a JSON object, e.g. {"examId": "e-17"}.',
			});
		}
	}
	if (!isRecord(parsed)) {
		throw new NodeOperationError(context.getNode(), `${label} must be a JSON object`, {
			itemIndex,
			description: 'Enter a JSON object, e.g. {"examId": "e-17"}.',
		});
	}
	return parsed;
}
