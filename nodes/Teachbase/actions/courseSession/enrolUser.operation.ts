import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { rawValue, teachbaseApiCall } from '../../transport/request';
import { errorDetail } from '../../transport/errors';
import { idParameter, sessionIdProperty } from '../common.description';

/** Teachbase answers register with 403 when the person is already in the session. */
export const ALREADY_ENROLLED_STATUS = 403;

const properties: INodeProperties[] = [
	sessionIdProperty,
	{
		displayName: 'Identify User By',
		name: 'identifyBy',
		type: 'options',
		options: [
			{ name: 'Email', value: 'email', description: "The person's email in Teachbase" },
			{ name: 'User ID', value: 'userId', description: "The person's Teachbase user ID" },
		],
		default: 'userId',
	},
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 0,
		required: true,
		description: 'The Teachbase user ID, e.g. the ID that User → Create returned',
		displayOptions: { show: { identifyBy: ['userId'] } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		description: 'The email of a person who has a Teachbase account',
		displayOptions: { show: { identifyBy: ['email'] } },
	},
];

export const description = operationProperties('courseSession', 'enrolUser', properties);

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const sessionId = idParameter(this, 'sessionId', itemIndex, 'Course Session');
	const identifyBy = this.getNodeParameter('identifyBy', itemIndex, 'userId');
	const who: IDataObject = {};
	if (identifyBy === 'email') {
		const email = String(this.getNodeParameter('email', itemIndex, '')).trim();
		if (!EMAIL.test(email)) {
			throw new NodeOperationError(this.getNode(), 'Email is not an email address', {
				itemIndex,
				description: 'Enter the email the person has in Teachbase, e.g. name@example.com.',
			});
		}
		who.email = email;
	} else {
		const userId = Number(this.getNodeParameter('userId', itemIndex, 0));
		if (!Number.isSafeInteger(userId) || userId < 1) {
			throw new NodeOperationError(this.getNode(), 'User ID must be a positive whole number', {
				itemIndex,
			});
		}
		who.user_id = userId;
	}
	const reply = await teachbaseApiCall.call(
		this,
		'POST',
		['course_sessions', sessionId, 'register'],
		who,
		undefined,
		{ accept: [ALREADY_ENROLLED_STATUS] },
	);
	const alreadyEnrolled = reply.status === ALREADY_ENROLLED_STATUS;
	const result: IDataObject = {
		sessionId,
		...(who.user_id !== undefined ? { userId: who.user_id } : { email: who.email }),
		enrolled: true,
		alreadyEnrolled,
	};
	// The body of a successful register is not documented; whatever came back is kept.
	if (alreadyEnrolled) {
		const detail = errorDetail(reply.body);
		if (detail !== undefined) result.teachbaseMessage = detail;
	}
	const raw = rawValue(reply.body);
	if (raw !== undefined) result.raw = raw;
	return result;
}
