import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { JsonRecord } from '../../shared/guards';

export { requiredText } from '../../shared/actions/parameters';
import { timeParameterToMillis, withGenseeIsoTimes } from '../exports/times';
import type { GenseeCredentials, GenseeSiteKind } from '../transport/credentials';
import { genseeCredentials } from '../transport/request';

const exportIdProperty: INodeProperties = {
	displayName: 'Room or Webcast ID',
	name: 'id',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. mquQf2',
	description:
		"The ID of the room (training site) or webcast (webcast site), as Gensee gives it when it is created and in its callbacks' ClassNo. Which one depends on the credential's site kind.",
};

const windowProperties: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			"Start of the time window. A time without an offset is read in the site's time zone (the credential's, China Standard Time unless set otherwise).",
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'End of the time window. Gensee exports at most 7 days per call: a longer window is read in 7-day parts, each record given once.',
	},
];

/** What every export operation asks for first: the room or webcast and the time window. */
export const exportProperties: INodeProperties[] = [exportIdProperty, ...windowProperties];

/** A time parameter as epoch milliseconds; a clear error when it is empty or unreadable. */
export function requiredTime(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	label: string,
	zone: string,
): number {
	const value: unknown = context.getNodeParameter(name, itemIndex, '');
	const millis = timeParameterToMillis(value, zone);
	if (millis === undefined) {
		throw new NodeOperationError(
			context.getNode(),
			`${label} is ${value === '' || value === undefined ? 'empty' : `not a time: "${String(value)}"`}`,
			{
				itemIndex,
				description:
					"Give a date and time, e.g. 2026-11-23 09:00 (read in the site's time zone) or an ISO time with an offset.",
			},
		);
	}
	return millis;
}

export function readWindow(
	context: IExecuteFunctions,
	itemIndex: number,
	zone: string,
): { start: number; end: number } {
	const start = requiredTime(context, 'from', itemIndex, 'From', zone);
	const end = requiredTime(context, 'to', itemIndex, 'To', zone);
	if (end <= start) {
		throw new NodeOperationError(context.getNode(), 'To must be later than From', { itemIndex });
	}
	return { start, end };
}

const SITE_KIND_NAMES: Record<GenseeSiteKind, string> = {
	training: 'Training',
	webcast: 'Webcast',
};

/** The credential, for room operations (training sites only) or webcast ones (webcast sites). */
export async function siteCredentials(
	context: IExecuteFunctions,
	kind: GenseeSiteKind,
	itemIndex: number,
): Promise<GenseeCredentials> {
	const credentials = await genseeCredentials.call(context);
	if (credentials.siteKind === kind) return credentials;
	throw new NodeOperationError(
		context.getNode(),
		`This operation needs a ${SITE_KIND_NAMES[kind]} site, but the credential is for a ${SITE_KIND_NAMES[credentials.siteKind]} site`,
		{
			itemIndex,
			description: `Rooms belong to Gensee training sites and webcasts to webcast sites: pick (or create) a Gensee credential whose Site Kind is ${SITE_KIND_NAMES[kind]}.`,
		},
	);
}

/** Gensee's answer without its envelope (`code`, `message`), with ISO twins of its times. */
export function answerFields(answer: JsonRecord, zone: string): IDataObject {
	const fields: IDataObject = {};
	for (const [key, value] of Object.entries(answer)) {
		if (key !== 'code' && key !== 'message') fields[key] = value;
	}
	return withGenseeIsoTimes(fields, zone);
}
