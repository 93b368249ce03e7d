import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collectionParameter } from '../../shared/actions/parameters';
import { genseeApiRequest, type GenseeParameter } from '../transport/request';
import type { GenseeSiteKind } from '../transport/credentials';
import { answerFields, requiredText, requiredTime, siteCredentials } from './common';
import { checkTokens, optionalText } from './tokens';

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
	/** The start and end time parameters. */
	times: readonly [string, string];
	/** The join password fields, in the order their errors are checked. */
	tokens: readonly string[];
	form(creation: Creation): Record<string, GenseeParameter>;
}

/** A parameter's label, top level or in the additional fields, as errors name it. */
function labelOf(properties: readonly INodeProperties[], name: string): string {
	for (const property of properties) {
		if (property.name === name) return property.displayName;
		for (const option of property.options ?? []) {
			if ('displayName' in option && option.name === name) return option.displayName;
		}
	}
	return name;
}

/** Reads the subject, the two times and the additional fields, checks the tokens, creates. */
export async function createOnSite(
	context: IExecuteFunctions,
	itemIndex: number,
	spec: CreateSpec,
	properties: readonly INodeProperties[],
): Promise<IDataObject> {
	const credentials = await siteCredentials(context, spec.kind, itemIndex);
	const zone = credentials.timeZone;
	const time = (name: string) =>
		requiredTime(context, name, itemIndex, labelOf(properties, name), zone);
	const subject = requiredText(context, 'subject', itemIndex, 'Subject');
	const start = time(spec.times[0]);
	const end = time(spec.times[1]);
	const fields = collectionParameter(context, 'additionalFields', itemIndex);
	const tokens: Creation['tokens'] = {};
	const labelled: Record<string, string | undefined> = {};
	for (const name of spec.tokens) {
		tokens[name] = optionalText(fields[name]);
		labelled[labelOf(properties, name)] = tokens[name];
	}
	checkTokens(context, labelled, itemIndex);
	const form = spec.form({ subject, start, end, zone, fields, tokens });
	const answer = await genseeApiRequest.call(context, spec.endpoint, form);
	return answerFields(answer, zone);
}
