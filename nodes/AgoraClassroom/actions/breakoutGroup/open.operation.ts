import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { isRecord } from '../../../shared/guards';
import { agoraApiRequest } from '../../transport/request';
import { entryList } from '../../entryList';
import { requiredText, roomUuidProperty } from '../common.description';

const properties: INodeProperties[] = [
	roomUuidProperty,
	{
		displayName: 'Groups',
		name: 'groups',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Group',
		default: {},
		required: true,
		options: [
			{
				displayName: 'Group',
				name: 'group',
				values: [
					{
						displayName: 'Group Name',
						name: 'groupName',
						type: 'string',
						default: '',
						required: true,
					},
					{
						displayName: 'User IDs',
						name: 'userUuids',
						type: 'string',
						default: '',
						placeholder: 'e.g. student-1, student-2',
						description: 'Comma-separated IDs of the users in this group',
					},
				],
			},
		],
	},
];

export const description = operationProperties('breakoutGroup', 'open', properties);

interface BreakoutGroup {
	groupName: string;
	users: Array<{ userUuid: string }>;
}

function readGroups(value: unknown): BreakoutGroup[] {
	const entries = isRecord(value) && Array.isArray(value.group) ? value.group.filter(isRecord) : [];
	return entries.map((entry) => ({
		groupName: typeof entry.groupName === 'string' ? entry.groupName.trim() : '',
		users: entryList(entry.userUuids).map((userUuid) => ({ userUuid })),
	}));
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const roomUuid = requiredText(this, 'roomUuid', itemIndex, 'Classroom ID');
	const groups = readGroups(this.getNodeParameter('groups', itemIndex, {}));
	if (groups.length === 0)
		throw new NodeOperationError(this.getNode(), 'Add at least one group', { itemIndex });
	if (groups.some((group) => group.groupName === '')) {
		throw new NodeOperationError(this.getNode(), 'Every group needs a name', { itemIndex });
	}
	await agoraApiRequest.call(this, 'PUT', ['rooms', roomUuid, 'groups', 'states', '1'], {
		groups: groups.map((group) => ({ ...group })),
	});
	return {
		success: true,
		roomUuid,
		breakoutGroups: 'open',
		groups: groups.map((group) => ({
			groupName: group.groupName,
			userUuids: group.users.map((user) => user.userUuid),
		})),
	};
}
