import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { roomUuidProperty } from '../common.description';
import { setClassState } from './setState.operation';

const properties: INodeProperties[] = [roomUuidProperty];

const displayOptions = { show: { resource: ['room'], operation: ['startClass'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await setClassState.call(this, itemIndex, 'start');
}
