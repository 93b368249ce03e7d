import type { INodeProperties } from 'n8n-workflow';

import * as close from './close.operation';
import * as open from './open.operation';

export { close, open };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['breakoutGroup'] } },
		options: [
			{
				name: 'Close',
				value: 'close',
				description: 'End the breakout groups: everyone returns to the main classroom',
				action: 'Close breakout groups',
			},
			{
				name: 'Open',
				value: 'open',
				description: 'Split users into breakout groups',
				action: 'Open breakout groups',
			},
		],
		default: 'open',
	},
	...open.description,
	...close.description,
];
