import type { INodeProperties } from 'n8n-workflow';

export const roomIdProperty: INodeProperties = {
	displayName: 'Room ID',
	name: 'roomId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. mquQf2',
	description: "The room's ID, as Create returns it and as Gensee's callbacks send it (ClassNo)",
};
