import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import * as breakoutGroup from './breakoutGroup';
import * as event from './event';
import * as recording from './recording';
import * as room from './room';
import * as user from './user';

type OperationResult = IDataObject | IDataObject[] | INodeExecutionData[];

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<OperationResult>;

const OPERATIONS: Readonly<Record<string, Readonly<Record<string, Operation>>>> = {
	room: {
		create: room.create.execute,
		get: room.get.execute,
		getAttendance: room.getAttendance.execute,
		startClass: room.startClass.execute,
		endClass: room.endClass.execute,
		setState: room.setState.execute,
		updateProperties: room.updateProperties.execute,
		deleteProperties: room.deleteProperties.execute,
	},
	user: {
		get: user.get.execute,
		kick: user.kick.execute,
		updateProperties: user.updateProperties.execute,
		deleteProperties: user.deleteProperties.execute,
	},
	recording: {
		start: recording.start.execute,
		stop: recording.stop.execute,
		pauseResume: recording.pauseResume.execute,
		getMany: recording.getMany.execute,
	},
	breakoutGroup: {
		open: breakoutGroup.open.execute,
		close: breakoutGroup.close.execute,
	},
	event: {
		getMany: event.getMany.execute,
		getWidgetEvents: event.getWidgetEvents.execute,
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
