import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { toGenseeTime } from '../../exports/times';
import { createOnSite, type CreateSpec } from '../create';
import { optionalText } from '../tokens';

const properties: INodeProperties[] = [
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Product launch webinar',
		description: "The webcast's title. Gensee wants it unique on the site.",
	},
	{
		displayName: 'Start',
		name: 'startTime',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			"When the webcast starts. A time without an offset is read in the site's time zone.",
	},
	{
		displayName: 'End',
		name: 'endTime',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'When the webcast ends',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Attendee Token',
				name: 'attendeeToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: "Attendees' join password (6–15 characters)",
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Organizer Token',
				name: 'organizerToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: "The organiser's join password (6–15 characters)",
			},
			{
				displayName: 'Panelist Token',
				name: 'panelistToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: "Panelists' join password (6–15 characters)",
			},
			{
				displayName: 'Send Times As',
				name: 'timeFormat',
				type: 'options',
				options: [
					{
						name: 'Epoch Milliseconds',
						value: 'millis',
						description: 'E.g. 1795395600000, as most integrations send them.',
					},
					{
						name: 'Local Date and Time',
						value: 'text',
						description: "E.g. 2026-11-23 09:00:00 in the site's time zone.",
					},
				],
				default: 'millis',
				description:
					'How Start and End are sent. Public integrations disagree on what Gensee takes here: switch if the webcast gets the wrong times.',
			},
			{
				displayName: 'Web Join',
				name: 'opened',
				type: 'boolean',
				default: true,
				description: 'Whether attendees may join from a web browser (Gensee: opened)',
			},
		],
	},
];

export const description = operationProperties('webcast', 'create', properties);

const WEBCAST: CreateSpec = {
	kind: 'webcast',
	endpoint: 'created',
	times: ['startTime', 'endTime'],
	tokens: ['organizerToken', 'panelistToken', 'attendeeToken'],
	form: ({ subject, start, end, zone, fields, tokens }) => {
		const asText = fields.timeFormat === 'text';
		return {
			subject,
			startTime: asText ? toGenseeTime(start, zone) : start,
			endTime: asText ? toGenseeTime(end, zone) : end,
			...tokens,
			description: optionalText(fields.description),
			opened: typeof fields.opened === 'boolean' ? fields.opened : undefined,
		};
	},
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await createOnSite(this, itemIndex, WEBCAST, properties);
}
