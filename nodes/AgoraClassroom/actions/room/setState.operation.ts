import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { agoraApiRequest } from '../../transport/request';
import { requiredText, roomUuidProperty } from '../common.description';

const STATES: Record<ClassState, { code: number; label: string }> = {
	start: { code: 1, label: 'started' },
	end: { code: 2, label: 'ended' },
	close: { code: 3, label: 'closed' },
};

const properties: INodeProperties[] = [
	roomUuidProperty,
	{
		displayName: 'State',
		name: 'state',
		type: 'options',
		options: [
			{ name: 'Start', value: 'start', description: 'Start the class' },
			{
				name: 'End',
				value: 'end',
				description: 'End the class; users can stay until the classroom is closed',
			},
			{
				name: 'Close',
				value: 'close',
				description: 'Close the classroom: everyone is removed and nobody can join',
			},
		],
		default: 'start',
	},
];

export const description = operationProperties('room', 'setState', properties);

export type ClassState = 'start' | 'end' | 'close';

/** Moves the class of the item's classroom to `state`; Start Class and End Class use it too. */
export async function setClassState(
	this: IExecuteFunctions,
	itemIndex: number,
	stateKey: ClassState,
): Promise<IDataObject> {
	const roomUuid = requiredText(this, 'roomUuid', itemIndex, 'Classroom ID');
	const state = STATES[stateKey];
	await agoraApiRequest.call(this, 'PUT', ['rooms', roomUuid, 'states', String(state.code)]);
	return { success: true, roomUuid, state: state.label, stateCode: state.code };
}

function isClassState(value: unknown): value is ClassState {
	return value === 'start' || value === 'end' || value === 'close';
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const state = this.getNodeParameter('state', itemIndex, 'start');
	return await setClassState.call(this, itemIndex, isClassState(state) ? state : 'start');
}
