import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { collectionParameter } from '../../../shared/actions/parameters';
import { stringList } from '../../../shared/guards';
import { computeAttendance } from '../../attendance';
import { AGORA_CMD, type AgoraEvent } from '../../events';
import { walkEventPages } from '../event/readEvents';
import { requiredText, roomUuidProperty } from '../common.description';

const properties: INodeProperties[] = [
	roomUuidProperty,
	{
		displayName:
			'Returns one item per user: first join, last leave, how often they joined (sessions) and minutes present. A stay counts from joining to leaving; if the user never left, to the end of the class (or to now while the class is on).',
		name: 'attendanceNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Roles',
		name: 'roles',
		type: 'multiOptions',
		options: [
			{ name: 'Assistant', value: 'assistant', description: 'Teaching assistants' },
			{
				name: 'Invisible',
				value: 'invisible',
				description: 'Users who watch without being seen, e.g. an inspector',
			},
			{
				name: 'Observer',
				value: 'observer',
				description: 'Users who follow the class without taking part, e.g. a supervisor',
			},
			{ name: 'Student', value: 'student', description: 'Learners' },
			{ name: 'Teacher', value: 'teacher', description: 'The teacher running the class' },
		],
		default: ['student'],
		description: 'Whose attendance to return. Leave empty for everyone.',
	},
	{
		displayName: 'Options',
		name: 'attendanceOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Class Time Only',
				name: 'classTimeOnly',
				type: 'boolean',
				default: false,
				description:
					"Whether to count presence only between the class's start and end (or now, while the class runs). Nothing counts in a class that never started. Sessions and times stay as they were.",
			},
		],
	},
];

export const description = operationProperties('room', 'getAttendance', properties);

/**
 * Reads the classroom's class state (cmd 1) and users in/out (cmd 20) events over every page and
 * gives one item per user: first join, last leave, sessions, minutes present, kicked, still inside.
 * Edge cases: a leave without a join before it counts from the class start when that is known
 * (else only the user is listed); a reconnect of a user not inside is a join; an event read twice
 * counts once; events are taken in sequence order.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const roomUuid = requiredText(this, 'roomUuid', itemIndex, 'Classroom ID');
	const roles = stringList(this.getNodeParameter('roles', itemIndex, ['student']));
	const options = collectionParameter(this, 'attendanceOptions', itemIndex);
	const classTimeOnly = options.classTimeOnly === true;
	const events: AgoraEvent[] = [];
	// Agora's `cmd` filter takes one event type: one walk for each.
	for (const cmd of [AGORA_CMD.classState, AGORA_CMD.usersInOut]) {
		await walkEventPages(
			this,
			{ path: ['rooms', roomUuid, 'sequences'], cmd },
			() => true,
			(page) => events.push(...page),
		);
	}
	return computeAttendance(roomUuid, events, { roles, classTimeOnly });
}
