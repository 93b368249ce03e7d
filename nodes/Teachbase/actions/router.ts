import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import * as course from './course';
import * as courseSession from './courseSession';
import * as user from './user';

type Operation = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<IDataObject | IDataObject[]>;

const OPERATIONS: Readonly<Record<string, Readonly<Record<string, Operation>>>> = {
	user: { create: user.create.execute },
	course: { getMany: course.getMany.execute },
	courseSession: {
		getMany: courseSession.getMany.execute,
		enrolUser: courseSession.enrolUser.execute,
	},
};

function findOperation(resource: string, operation: string): Operation | undefined {
	const operations = Object.prototype.hasOwnProperty.call(OPERATIONS, resource)
		? OPERATIONS[resource]
		: undefined;
	return operations !== undefined && Object.prototype.hasOwnProperty.call(operations, operation)
		? operations[operation]
		: undefined;
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const returnData: INodeExecutionData[] = [];
	const resource = String(this.getNodeParameter('resource', 0));
	const operation = String(this.getNodeParameter('operation', 0));
	const execute = findOperation(resource, operation);
	if (execute === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let failure: NodeApiError | NodeOperationError;
		try {
			const result = await execute.call(this, itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) {
				returnData.push({ json, pairedItem: { item: itemIndex } });
			}
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
