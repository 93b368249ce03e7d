import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { roomUuidProperty } from '../common.description';
import { setClassState } from './setState.operation';

const properties: INodeProperties[] = [roomUuidProperty];

export const description = operationProperties('room', 'endClass', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await setClassState.call(this, itemIndex, 'end');
}
