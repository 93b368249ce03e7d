import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import * as breakoutGroup from './breakoutGroup';
import * as event from './event';
import * as recording from './recording';
import * as room from './room';
import * as user from './user';

type OperationResult = IDataObject | IDataObject[] | INodeExecutionData[];

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<OperationResult>;

function findOperation(resource: string, operation: string): Operation | undefined {
	const resources: Record<string, Record<string, { execute: Operation } | undefined> | undefined> = {
		room,
		user,
		recording,
		breakoutGroup,
		event,
	};
	return resources[resource]?.[operation]?.execute;
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

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	const resource = String(this.getNodeParameter('resource', 0));
	const operation = String(this.getNodeParameter('operation', 0));
	const execute = findOperation(resource, operation);
	if (execute === undefined) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			returnData.push(...toItems(await execute.call(this, itemIndex), itemIndex));
		} catch (error) {
			if (this.continueOnFail()) {
				const message = error instanceof Error ? error.message : String(error);
				const description = error instanceof NodeApiError || error instanceof NodeOperationError ? error.description : undefined;
				returnData.push({
					json: typeof description === 'string' ? { error: message, description } : { error: message },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			if (error instanceof NodeOperationError && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
			throw error;
		}
	}
	return [returnData];
}
