import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export type OperationResult = IDataObject | IDataObject[] | INodeExecutionData[];

/** One resource's operation, run once per input item. */
export type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<OperationResult>;

/** Every operation of an action node, by resource, then by operation. */
export type OperationTable = Readonly<Record<string, Readonly<Record<string, Operation>>>>;

function findOperation(
	table: OperationTable,
	resource: string,
	operation: string,
): Operation | undefined {
	const operations = Object.prototype.hasOwnProperty.call(table, resource)
		? table[resource]
		: undefined;
	return operations !== undefined && Object.prototype.hasOwnProperty.call(operations, operation)
		? operations[operation]
		: undefined;
}

function isExecutionData(value: IDataObject | INodeExecutionData): value is INodeExecutionData {
	return 'json' in value && typeof value.json === 'object' && value.json !== null;
}

function toItems(result: OperationResult, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) => ({
		json: isExecutionData(entry) ? entry.json : entry,
		pairedItem: { item: itemIndex },
	}));
}

/**
 * Runs the chosen resource's operation for every input item. A failure stops the node, naming
 * the item, unless the node continues on fail: then the item's output is its error.
 */
export async function routeOperations(
	this: IExecuteFunctions,
	table: OperationTable,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	const resource = String(this.getNodeParameter('resource', 0));
	const operation = String(this.getNodeParameter('operation', 0));
	const execute = findOperation(table, resource, operation);
	if (execute === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let failure: NodeApiError | NodeOperationError;
		try {
			returnData.push(...toItems(await execute.call(this, itemIndex), itemIndex));
			continue;
		} catch (error) {
			failure =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error instanceof Error ? error : String(error), {
							itemIndex,
						});
		}
		if (!this.continueOnFail()) {
			if (failure.context.itemIndex === undefined) failure.context.itemIndex = itemIndex;
			throw failure;
		}
		const description = typeof failure.description === 'string' ? failure.description : undefined;
		returnData.push({
			json:
				description === undefined
					? { error: failure.message }
					: { error: failure.message, description },
			pairedItem: { item: itemIndex },
		});
	}
	return [returnData];
}
