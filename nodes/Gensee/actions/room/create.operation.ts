import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import type { GenseeParameter } from '../../transport/request';
import { createOnSite, type CreateSpec } from '../create';
import { optionalText } from '../tokens';

const properties: INodeProperties[] = [
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Onboarding, week 1',
		description: "The room's title. Gensee wants it unique on the site.",
	},
	{
		displayName: 'Start',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		required: true,
		description: "When the room opens. A time without an offset is read in the site's time zone.",
	},
	{
		displayName: 'Valid Until',
		name: 'invalidDate',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'When the room stops accepting people',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Assistant Token',
				name: 'assistantToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: "The assistants' join password (6–15 characters)",
			},
			{
				displayName: 'Client Join',
				name: 'clientJoin',
				type: 'boolean',
				default: true,
				description: "Whether people may join with Gensee's desktop client",
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Max Attendees',
				name: 'maxAttendees',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 100,
			},
			{
				displayName: 'Student Client Token',
				name: 'studentClientToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: "Students' join password in the desktop client (6–15 characters)",
			},
			{
				displayName: 'Student Token',
				name: 'studentToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: "Students' join password on the web (6–15 characters)",
			},
			{
				displayName: 'Teacher Token',
				name: 'teacherToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: "The teacher's join password (6–15 characters)",
			},
			{
				displayName: 'UI Mode',
				name: 'uiMode',
				type: 'options',
				options: [
					{ name: 'Mode 1', value: 1 },
					{ name: 'Mode 2', value: 2 },
					{ name: 'Mode 3', value: 3 },
					{ name: 'Mode 4', value: 4 },
				],
				default: 1,
				description: "Gensee's room layout (uiMode 1–4, as the site's room settings number them)",
			},
			{
				displayName: 'Web Join',
				name: 'webJoin',
				type: 'boolean',
				default: true,
				description: 'Whether people may join from a web browser',
			},
		],
	},
];

export const description = operationProperties('room', 'create', properties);

const ROOM: CreateSpec = {
	kind: 'training',
	endpoint: 'room/created',
	times: ['startDate', 'invalidDate'],
	tokens: ['teacherToken', 'assistantToken', 'studentToken', 'studentClientToken'],
	form: ({ subject, start, end, fields, tokens }) => {
		const form: Record<string, GenseeParameter> = {
			subject,
			// Gensee takes these two as epoch milliseconds.
			startDate: start,
			invalidDate: end,
			...tokens,
			description: optionalText(fields.description),
		};
		for (const key of ['uiMode', 'maxAttendees'] as const) {
			if (typeof fields[key] === 'number') form[key] = fields[key];
		}
		for (const key of ['webJoin', 'clientJoin'] as const) {
			if (typeof fields[key] === 'boolean') form[key] = fields[key];
		}
		return form;
	},
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await createOnSite(this, itemIndex, ROOM, properties);
}
