import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { collectionParameter } from '../../../shared/actions/parameters';
import { teachbaseApiRequestAllItems } from '../../transport/pagination';
import { idList } from '../course/getMany.operation';
import {
	courseIdProperty,
	idParameter,
	filtersProperty,
	limitProperty,
	pagingOf,
	returnAllProperty,
} from '../common.description';

const properties: INodeProperties[] = [
	{
		displayName: 'Sessions Of',
		name: 'scope',
		type: 'options',
		options: [
			{
				name: 'One Course',
				value: 'course',
				description: 'The sessions of the course chosen below',
			},
			{
				name: 'The Whole Account',
				value: 'account',
				description: 'Sessions of every course, each with its course',
			},
		],
		default: 'course',
	},
	{ ...courseIdProperty, displayOptions: { show: { scope: ['course'] } } },
	returnAllProperty,
	limitProperty,
	filtersProperty([
		{
			displayName: 'Active Only',
			name: 'activeOnly',
			type: 'boolean',
			default: true,
			description:
				"Whether to return only active sessions (Teachbase's own filter=active: sessions that are running now or open for enrolment)",
		},
		{
			displayName: 'Participant IDs',
			name: 'participantIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 101, 102',
			description:
				'Comma-separated Teachbase user IDs: only sessions these users take part in. Applies to the sessions of one course.',
		},
	]),
];

export const description = operationProperties('courseSession', 'getMany', properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const scope = this.getNodeParameter('scope', itemIndex, 'course');
	const filters = collectionParameter(this, 'filters', itemIndex);
	const qs: IDataObject = {};
	if (filters.activeOnly === true) qs.filter = 'active';
	if (scope === 'account') {
		return await teachbaseApiRequestAllItems.call(
			this,
			['course_sessions'],
			qs,
			pagingOf(this, itemIndex),
		);
	}
	const courseId = idParameter(this, 'courseId', itemIndex, 'Course');
	const participantIds = idList(filters.participantIds);
	if (participantIds.length > 0) qs.participant_ids = participantIds;
	return await teachbaseApiRequestAllItems.call(
		this,
		['courses', courseId, 'course_sessions'],
		qs,
		pagingOf(this, itemIndex),
	);
}
