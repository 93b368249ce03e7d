import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperations, type OperationTable } from '../../shared/actions/router';
import * as attendance from './attendance';
import * as qa from './qa';
import * as rollCall from './rollCall';
import * as room from './room';
import * as webcast from './webcast';

const OPERATIONS: OperationTable = {
	room: {
		create: room.create.execute,
		get: room.get.execute,
		delete: room.delete.execute,
	},
	webcast: {
		create: webcast.create.execute,
		get: webcast.get.execute,
	},
	attendance: {
		get: attendance.get.execute,
	},
	qa: {
		get: qa.get.execute,
	},
	rollCall: {
		get: rollCall.get.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, OPERATIONS);
}
