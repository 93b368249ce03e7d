import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isRecord } from '../../../shared/guards';

export const eventOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'eventOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Start After Sequence',
			name: 'afterSequence',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				'Only events with a higher sequence number, e.g. the last sequence you handled. 0: from the first event.',
		},
		{
			displayName: 'One Item per User',
			name: 'oneItemPerUser',
			type: 'boolean',
			default: false,
			description: 'Whether a "Users Joined or Left" event becomes one item per user',
		},
		{
			displayName: 'Include Raw Event',
			name: 'includeRaw',
			type: 'boolean',
			default: false,
			description: 'Whether to add the event exactly as Agora listed it under "raw"',
		},
	],
};

export interface EventOptions {
	afterSequence?: number;
	oneItemPerUser: boolean;
	includeRaw: boolean;
}

export function readEventOptions(context: IExecuteFunctions, itemIndex: number): EventOptions {
	const value = context.getNodeParameter('eventOptions', itemIndex, {});
	const options: IDataObject = isRecord(value) ? value : {};
	const after = options.afterSequence;
	return {
		afterSequence: typeof after === 'number' && after > 0 ? Math.floor(after) : undefined,
		oneItemPerUser: options.oneItemPerUser === true,
		includeRaw: options.includeRaw === true,
	};
}
