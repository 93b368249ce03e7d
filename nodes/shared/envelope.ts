import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/** The fields every item of every trigger in this package starts with. */
export interface EventEnvelope {
	platform: string;
	/** The platform's own code for the event, e.g. `answerSheet` or `course_stat.updated`. */
	event: string;
	/** A readable English label for `event`. */
	eventName: string;
	eventId?: string;
	occurredAt?: string;
	receivedAt: string;
}

export const UNRECOGNIZED_EVENT = 'unrecognized';

/** How a platform's decoder builds items. */
export interface DecodeOptions {
	includeRaw: boolean;
	/** Epoch milliseconds the request or event was received. */
	receivedAt: number;
}

/**
 * Builds one output item: the envelope first, then the platform's fields under their own names.
 * A platform field that happens to share an envelope key never overwrites the envelope; it stays
 * available in `raw`.
 */
export function buildEventItem(
	envelope: EventEnvelope,
	fields: IDataObject,
	raw?: IDataObject,
): INodeExecutionData {
	const json: IDataObject = { ...fields };
	for (const key of Object.keys(envelope)) delete json[key];
	const envelopeFields: IDataObject = { ...envelope };
	for (const key of Object.keys(envelopeFields)) {
		if (envelopeFields[key] === undefined) delete envelopeFields[key];
	}
	return {
		json: raw === undefined ? { ...envelopeFields, ...json } : { ...envelopeFields, ...json, raw },
	};
}

export interface UnrecognizedRequest {
	platform: string;
	receivedAt: string;
	/** Why the request could not be decoded, in plain words. */
	problem: string;
	contentType?: string;
	/** The body as received, with secrets replaced. */
	rawBody: string;
}

/** An authenticated request the node could not decode still reaches the workflow, flagged. */
export function buildUnrecognizedItem(request: UnrecognizedRequest): INodeExecutionData {
	return {
		json: {
			platform: request.platform,
			event: UNRECOGNIZED_EVENT,
			eventName: 'Unrecognized request',
			receivedAt: request.receivedAt,
			unrecognized: true,
			problem: request.problem,
			...(request.contentType === undefined ? {} : { contentType: request.contentType }),
			rawBody: request.rawBody,
		},
	};
}
