import type { INodeExecutionData, INodeProperties, IWebhookFunctions } from 'n8n-workflow';

export type Routing = 'single' | 'byEvent';

export function isRouting(value: unknown): value is Routing {
	return value === 'single' || value === 'byEvent';
}

export function readRouting(context: IWebhookFunctions): Routing {
	const value = context.getNodeParameter('routing', 'single');
	return isRouting(value) ? value : 'single';
}

/** The `routing` parameter; `perWhat` names what gets its own output, e.g. "Event Type". */
export function routingPropertyPer(perWhat: string): INodeProperties {
	return {
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
				name: `One Output per ${perWhat}`,
				value: 'byEvent',
				description: `Each ${perWhat.toLowerCase()} gets its own output, so each can be wired to its own steps without a Switch node`,
			},
		],
		default: 'single',
	};
}

export const routingProperty: INodeProperties = routingPropertyPer('Event Type');

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
