import type { INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import { isRecord, type JsonRecord } from '../guards';

/** The name of every trigger's "Options" collection (`options` carries the raw-body switch). */
export const TRIGGER_OPTIONS = 'triggerOptions';

/** What happens to an authenticated request the node cannot read. */
export type UnrecognizedHandling = 'emit' | 'discard';

export interface TriggerOptions {
	includeRaw: boolean;
	unrecognized: UnrecognizedHandling;
	/** Every option as set, for the ones only one platform has. */
	values: JsonRecord;
}

export function readTriggerOptions(context: IWebhookFunctions): TriggerOptions {
	const value: unknown = context.getNodeParameter(TRIGGER_OPTIONS, {});
	const values = isRecord(value) ? value : {};
	return {
		includeRaw: values.includeRaw === true,
		unrecognized: values.unrecognizedRequests === 'discard' ? 'discard' : 'emit',
		values,
	};
}

export function booleanOption(options: TriggerOptions, name: string, fallback: boolean): boolean {
	const value = options.values[name];
	return typeof value === 'boolean' ? value : fallback;
}

export function positiveNumberOption(
	options: TriggerOptions,
	name: string,
	fallback: number,
): number {
	const value = options.values[name];
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The "Options" collection of a webhook trigger. */
export function triggerOptionsProperty(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: TRIGGER_OPTIONS,
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

export function includeRawOption(description: string): INodeProperties {
	return {
		displayName: 'Include Raw Payload',
		name: 'includeRaw',
		type: 'boolean',
		default: false,
		description,
	};
}

interface UnrecognizedTexts {
	/** What "Pass to Workflow" passes, e.g. which requests count as unreadable. */
	emit: string;
	/** The option label for discarding, saying what the platform gets, e.g. "Reject With HTTP 400". */
	discardName: string;
	discard: string;
}

export function unrecognizedRequestsOption(texts: UnrecognizedTexts): INodeProperties {
	return {
		displayName: 'Unrecognized Requests',
		name: 'unrecognizedRequests',
		type: 'options',
		options: [
			{ name: 'Pass to Workflow (Flagged)', value: 'emit', description: texts.emit },
			{ name: texts.discardName, value: 'discard', description: texts.discard },
		],
		default: 'emit',
		description: 'What to do with an authenticated request that this node cannot read',
	};
}
