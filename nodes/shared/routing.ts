import type {
	INodeExecutionData,
	INodeProperties,
	IWebhookFunctions,
	IPollFunctions,
} from 'n8n-workflow';

export type Routing = 'single' | 'byEvent';

export function isRouting(value: unknown): value is Routing {
	return value === 'single' || value === 'byEvent';
}

export function readRouting(context: IWebhookFunctions | IPollFunctions): Routing {
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
 * The outputs of "One Output per Event Type": one per known key, then "Other" for keys the
 * platform may add later and for flagged requests.
 */
export interface OutputTable {
	names: readonly string[];
	other: number;
	indexOf(key: string): number;
}

export function outputTable(entries: ReadonlyArray<{ key: string; name: string }>): OutputTable {
	const other = entries.length;
	return {
		names: [...entries.map((entry) => entry.name), 'Other'],
		other,
		indexOf(key: string): number {
			const index = entries.findIndex((entry) => entry.key === key);
			return index === -1 ? other : index;
		},
	};
}

/**
 * The `outputs` expression for a trigger: one plain output, or one named output per entry of
 * the table when the user picks "One Output per Event Type".
 */
export function outputsExpression(table: OutputTable): `={{${string}}}` {
	const named = JSON.stringify(table.names.map((displayName) => ({ type: 'main', displayName })));
	return `={{ $parameter.routing === "byEvent" ? ${named} : ["main"] }}`;
}

/** All items on the only output (single), or each on the output `outputOf` gives it (byEvent). */
export function routeItems(
	items: INodeExecutionData[],
	routing: Routing,
	table: OutputTable,
	outputOf: (item: INodeExecutionData) => number,
): INodeExecutionData[][] {
	if (routing === 'single') return [items];
	const outputs: INodeExecutionData[][] = table.names.map(() => []);
	for (const item of items) outputs[outputOf(item)].push(item);
	return outputs;
}
