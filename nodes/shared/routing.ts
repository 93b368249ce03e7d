import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

export type Routing = 'single' | 'byEvent';

export function isRouting(value: unknown): value is Routing {
	return value === 'single' || value === 'byEvent';
}

export const routingProperty: INodeProperties = {
	displayName: 'Outputs',
	name: 'routing',
	type: 'options',
	options: [
		{
			name: 'One Output',
			value: 'single',
			description: 'Every event leaves through the same output',
		},
		{
			name: 'One Output per Event Type',
			value: 'byEvent',
			description:
				'Each event type gets its own output, so each can be wired to its own steps without a Switch node',
		},
	],
	default: 'single',
};

/**
 * The `outputs` expression for a trigger: one plain output, or one named output per entry of
 * `outputNames` when the user picks "One Output per Event Type".
 */
export function outputsExpression(outputNames: readonly string[]): `={{${string}}}` {
	const named = JSON.stringify(outputNames.map((displayName) => ({ type: 'main', displayName })));
	return `={{ $parameter.routing === "byEvent" ? ${named} : ["main"] }}`;
}

/** Places `items` on output `outputIndex` (byEvent) or on the only output (single). */
export function routeItems(
	items: INodeExecutionData[],
	routing: Routing,
	outputIndex: number,
	outputCount: number,
): INodeExecutionData[][] {
	if (routing === 'single') return [items];
	return Array.from({ length: outputCount }, (_, index) => (index === outputIndex ? items : []));
}
