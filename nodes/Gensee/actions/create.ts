import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { collectionParameter } from '../../shared/actions/parameters';
import { genseeApiRequest, type GenseeParameter } from '../transport/request';
import type { GenseeSiteKind } from '../transport/credentials';
import { answerFields, requiredText, requiredTime, siteCredentials } from './common';
import { checkTokens, optionalText } from './tokens';

/** A time parameter and the label its errors name. */
interface TimeParameter {
	name: string;
	label: string;
}

/** What a create operation has read and checked before it builds Gensee's form. */
export interface Creation {
	subject: string;
	start: number;
	end: number;
	zone: string;
	fields: IDataObject;
	/** The join passwords, by their field name; undefined when not set. */
	tokens: Record<string, string | undefined>;
}

/** How one of the two create operations (room, webcast) reads its input and calls Gensee. */
export interface CreateSpec {
	kind: GenseeSiteKind;
	endpoint: string;
	start: TimeParameter;
	end: TimeParameter;
	/** The join password fields, field name → label, in the order their errors are checked. */
	tokens: Readonly<Record<string, string>>;
	form(creation: Creation): Record<string, GenseeParameter>;
}

/** Reads the subject, the two times and the additional fields, checks the tokens, creates. */
export async function createOnSite(
	context: IExecuteFunctions,
	itemIndex: number,
	spec: CreateSpec,
): Promise<IDataObject> {
	const credentials = await siteCredentials(context, spec.kind, itemIndex);
	const zone = credentials.timeZone;
	const subject = requiredText(context, 'subject', itemIndex, 'Subject');
	const start = requiredTime(context, spec.start.name, itemIndex, spec.start.label, zone);
	const end = requiredTime(context, spec.end.name, itemIndex, spec.end.label, zone);
	const fields = collectionParameter(context, 'additionalFields', itemIndex);
	const tokens: Creation['tokens'] = {};
	const labelled: Record<string, string | undefined> = {};
	for (const [name, label] of Object.entries(spec.tokens)) {
		tokens[name] = optionalText(fields[name]);
		labelled[label] = tokens[name];
	}
	checkTokens(context, labelled, itemIndex);
	const form = spec.form({ subject, start, end, zone, fields, tokens });
	const answer = await genseeApiRequest.call(context, spec.endpoint, form);
	return answerFields(answer, zone);
}
