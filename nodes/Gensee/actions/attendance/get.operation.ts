import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { collectionParameter } from '../../../shared/actions/parameters';
import { attendeeItems, visitItems } from '../../exports/attendance';
import { exportProperties } from '../common';
import { exportItems } from '../export';

const properties: INodeProperties[] = [
	...exportProperties,
	{
		displayName:
			"Gensee's attendance export: every visit whose join time falls in the window, as Gensee recorded it, including visits whose callbacks never reached n8n.",
		name: 'attendanceNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'One Item per Attendee',
				value: 'attendees',
				description:
					'First join, last leave, number of visits and minutes present, with the visits listed',
			},
			{
				name: 'One Item per Visit',
				value: 'visits',
				description: "Each join-to-leave visit with Gensee's own fields (IP, area, device…)",
			},
		],
		default: 'attendees',
	},
	{
		displayName: 'Options',
		name: 'attendanceOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Site User IDs',
				name: 'siteUserIds',
				type: 'boolean',
				default: false,
				description:
					'Whether to add siteUserId: the uid minus 1,000,000,000, for integrations that join their users with uid = user ID + 1,000,000,000. Other uids (guests, Gensee-assigned) get null.',
			},
		],
	},
];

export const description = operationProperties('attendance', 'get', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await exportItems(
		this,
		itemIndex,
		{ endpoint: 'export/history', listKeys: ['list', 'historyList'] },
		({ id, records, credentials }) => {
			const options = collectionParameter(this, 'attendanceOptions', itemIndex);
			const context = {
				roomId: id,
				zone: credentials.timeZone,
				siteUserIds: options.siteUserIds === true,
			};
			return this.getNodeParameter('output', itemIndex, 'attendees') === 'visits'
				? visitItems(records, context)
				: attendeeItems(records, context);
		},
	);
}
