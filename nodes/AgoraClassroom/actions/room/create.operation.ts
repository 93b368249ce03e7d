import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { collectionParameter } from '../../../shared/actions/parameters';
import { isRecord } from '../../../shared/guards';
import { agoraApiCall, agoraApiRequest, dataRecord } from '../../transport/request';
import { jsonObject, requiredText, roomUuidProperty } from '../common.description';

const properties: INodeProperties[] = [
	roomUuidProperty,
	{
		displayName: 'Classroom Name',
		name: 'roomName',
		type: 'string',
		default: '',
		required: true,
		description: 'The name shown to teachers and students',
	},
	{
		displayName: 'Classroom Type',
		name: 'roomType',
		type: 'options',
		options: [
			{ name: 'One-to-One', value: 0, description: 'One teacher and one student' },
			{
				name: 'Small Classroom',
				value: 4,
				description: 'One teacher and up to 200 students, several on stage',
			},
			{
				name: 'Lecture Hall',
				value: 2,
				description: 'One teacher and up to 5 000 students watching',
			},
			{ name: 'Cloud Class', value: 10, description: "Agora's cloud class" },
		],
		default: 4,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description: 'When the class is scheduled to start',
			},
			{
				displayName: 'Duration (Seconds)',
				name: 'duration',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 3600,
				description: 'How long the class lasts; Agora ends it after this time',
			},
			{
				displayName: 'Close Delay (Seconds)',
				name: 'closeDelay',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 600,
				description: 'How long after the end the classroom stays open before Agora closes it',
			},
			{
				displayName: 'Room Properties (JSON)',
				name: 'roomProperties',
				type: 'json',
				default: '{}',
				description: 'Further custom properties of the classroom, as a JSON object',
			},
		],
	},
];

export const description = operationProperties('room', 'create', properties);

function scheduleOf(fields: IDataObject): IDataObject | undefined {
	const schedule: IDataObject = {};
	if (typeof fields.startTime === 'string' && fields.startTime !== '') {
		const millis = Date.parse(fields.startTime);
		if (!Number.isNaN(millis)) schedule.startTime = millis;
	}
	if (typeof fields.duration === 'number') schedule.duration = fields.duration;
	if (typeof fields.closeDelay === 'number') schedule.closeDelay = fields.closeDelay;
	return Object.keys(schedule).length === 0 ? undefined : schedule;
}

/** Creates a classroom; one that already exists is fetched and returned with `alreadyExisted: true`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const roomUuid = requiredText(this, 'roomUuid', itemIndex, 'Classroom ID');
	const fields = collectionParameter(this, 'additionalFields', itemIndex);
	const roomProperties: IDataObject =
		fields.roomProperties === undefined
			? {}
			: jsonObject(this, 'additionalFields.roomProperties', itemIndex, 'Room Properties');
	const schedule = scheduleOf(fields);
	if (schedule !== undefined)
		roomProperties.schedule = {
			...(isRecord(roomProperties.schedule) ? roomProperties.schedule : {}),
			...schedule,
		};

	const body: IDataObject = {
		roomName: requiredText(this, 'roomName', itemIndex, 'Classroom Name'),
		roomType: this.getNodeParameter('roomType', itemIndex, 4),
	};
	if (Object.keys(roomProperties).length > 0) body.roomProperties = roomProperties;

	const reply = await agoraApiCall.call(this, 'POST', ['rooms', roomUuid], body, undefined, {
		accept: (status) => status === 409,
	});
	if (reply.status === 409) {
		const existing = dataRecord(await agoraApiRequest.call(this, 'GET', ['rooms', roomUuid]));
		return {
			roomUuid,
			created: false,
			alreadyExisted: true,
			message: 'The classroom already existed; it was left as it was.',
			...existing,
		};
	}
	return { roomUuid, created: true, alreadyExisted: false, ...dataRecord(reply.envelope.data) };
}
