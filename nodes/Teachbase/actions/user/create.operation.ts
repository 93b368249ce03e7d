import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { operationProperties } from '../../../shared/actions/description';
import { collectionParameter } from '../../../shared/actions/parameters';
import { isRecord, type JsonRecord } from '../../../shared/guards';
import { rawValue, teachbaseApiRequest } from '../../transport/request';

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description:
			'The email the person signs in with. Leave empty only when you give a phone number instead.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'A note about the person, shown to managers in Teachbase',
			},
			{
				displayName: 'External ID',
				name: 'externalId',
				type: 'string',
				default: '',
				description:
					"The person's ID in your own system (HR, CRM), kept by Teachbase as external_id",
			},
			{
				displayName: 'First Name',
				name: 'name',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Labels',
				name: 'labels',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Label',
				default: {},
				description:
					'Labels (custom user fields) to set: the ID of each label and the ID of the value chosen for it',
				options: [
					{
						displayName: 'Label',
						name: 'label',
						values: [
							{
								displayName: 'Label ID',
								name: 'labelId',
								type: 'string',
								default: '',
								description: 'The ID of the label (or its external ID, see Options)',
							},
							{
								displayName: 'Value ID',
								name: 'valueId',
								type: 'string',
								default: '',
								description: 'The ID of the value to set',
							},
						],
					},
				],
			},
			{
				displayName: 'Language',
				name: 'lang',
				type: 'options',
				options: [
					{ name: 'English', value: 'en' },
					{ name: 'Russian', value: 'ru' },
				],
				default: 'ru',
				description: "The language of the person's Teachbase interface",
			},
			{
				displayName: 'Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Password',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'A first password. Leave empty to let Teachbase invite the person to set their own.',
			},
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
				placeholder: 'e.g. +79001234567',
			},
			{
				displayName: 'Role ID',
				name: 'roleId',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 1,
				description: "Teachbase's role number; 1, a regular user, is what every known client sends",
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Activate',
				name: 'activate',
				type: 'boolean',
				default: true,
				description: 'Whether the account is active at once, without waiting for the person',
			},
			{
				displayName: 'Labels Use External IDs',
				name: 'externalLabels',
				type: 'boolean',
				default: false,
				description:
					'Whether the label and value IDs given above are the external IDs of labels rather than their Teachbase IDs',
			},
			{
				displayName: 'Skip Email to Active Users',
				name: 'skipNotifyActiveUsers',
				type: 'boolean',
				default: true,
				description:
					'Whether to send no email when the person already has an active account in Teachbase',
			},
			{
				displayName: 'Skip Email to New Users',
				name: 'skipNotifyNewUsers',
				type: 'boolean',
				default: false,
				description: 'Whether to send no welcome email to a person whose account is new',
			},
			{
				displayName: 'Verify Emails',
				name: 'verifyEmails',
				type: 'boolean',
				default: false,
				description: 'Whether Teachbase asks the person to confirm their email address',
			},
		],
	},
];

export const description = operationProperties('user', 'create', properties);

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** The `labels` map Teachbase takes, label ID → value ID, from the fixedCollection rows. */
export function labelMap(value: unknown): Record<string, string> {
	const rows = isRecord(value) && Array.isArray(value.label) ? value.label : [];
	const labels: Record<string, string> = {};
	for (const row of rows) {
		if (!isRecord(row)) continue;
		const labelId = text(row.labelId);
		const valueId = text(row.valueId);
		if (labelId !== '' && valueId !== '') labels[labelId] = valueId;
	}
	return labels;
}

const USER_FIELDS: ReadonlyArray<[string, string]> = [
	['name', 'name'],
	['lastName', 'last_name'],
	['phone', 'phone'],
	['description', 'description'],
	['password', 'password'],
	['externalId', 'external_id'],
	['lang', 'lang'],
];

const OPTION_FIELDS: ReadonlyArray<[string, string]> = [
	['activate', 'activate'],
	['verifyEmails', 'verify_emails'],
	['skipNotifyNewUsers', 'skip_notify_new_users'],
	['skipNotifyActiveUsers', 'skip_notify_active_users'],
];

/** The users/create body for one person. */
export function createUserBody(
	email: string,
	fields: JsonRecord,
	options: JsonRecord,
): IDataObject {
	const user: IDataObject = {};
	if (email !== '') user.email = email;
	for (const [from, to] of USER_FIELDS) {
		const value = text(fields[from]);
		if (value !== '') user[to] = value;
	}
	user.role_id = typeof fields.roleId === 'number' ? fields.roleId : 1;
	user.auth_type = 0;
	const labels = labelMap(fields.labels);
	if (Object.keys(labels).length > 0) user.labels = labels;

	const body: IDataObject = { users: [user] };
	const flags: IDataObject = {};
	for (const [from, to] of OPTION_FIELDS) {
		if (typeof options[from] === 'boolean') flags[to] = options[from];
	}
	if (Object.keys(flags).length > 0) body.options = flags;
	if (options.externalLabels === true) body.external_labels = true;
	return body;
}

/**
 * The created user out of the answer: Teachbase sends an array of the users it created. The one
 * with the email asked for is taken, else the first; an answer of another shape is kept under `raw`.
 */
export function createdUser(body: unknown, email: string): IDataObject {
	const list = Array.isArray(body) ? body.filter(isRecord) : isRecord(body) ? [body] : [];
	const wanted = email.toLowerCase();
	const user =
		list.find((entry) => typeof entry.email === 'string' && entry.email.toLowerCase() === wanted) ??
		list[0];
	if (user !== undefined && (typeof user.id === 'number' || typeof user.id === 'string')) {
		return { ...user };
	}
	const raw = rawValue(body);
	return raw === undefined ? { created: true } : { created: true, raw };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const email = text(this.getNodeParameter('email', itemIndex, ''));
	const fields = collectionParameter(this, 'additionalFields', itemIndex);
	const options = collectionParameter(this, 'options', itemIndex);
	if (email === '' && text(fields.phone) === '') {
		throw new NodeOperationError(this.getNode(), 'Give an email or a phone number', {
			itemIndex,
			description: 'Teachbase needs at least one of them to create a person.',
		});
	}
	const body = createUserBody(email, fields, options);
	return createdUser(
		await teachbaseApiRequest.call(this, 'POST', ['users', 'create'], body),
		email,
	);
}
