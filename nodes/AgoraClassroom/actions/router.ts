import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperations, type OperationTable } from '../../shared/actions/router';
import * as breakoutGroup from './breakoutGroup';
import * as event from './event';
import * as recording from './recording';
import * as room from './room';
import * as user from './user';

const OPERATIONS: OperationTable = {
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

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, OPERATIONS);
}
