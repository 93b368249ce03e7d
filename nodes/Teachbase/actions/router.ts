import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperations, type OperationTable } from '../../shared/actions/router';
import * as course from './course';
import * as courseSession from './courseSession';
import * as user from './user';

const OPERATIONS: OperationTable = {
	user: { create: user.create.execute },
	course: { getMany: course.getMany.execute },
	courseSession: {
		getMany: courseSession.getMany.execute,
		enrolUser: courseSession.enrolUser.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperations.call(this, OPERATIONS);
}
