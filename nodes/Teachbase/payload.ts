import { isNonEmptyString, isRecord, parseJsonRecord, type JsonRecord } from '../shared/guards';
import { notRecognized } from '../shared/webhook/notRecognized';
import type { ReadResult } from '../shared/webhook/pipeline';
import type { ReceivedRequest } from '../shared/webhook/request';
import { normaliseTeachbaseType } from './events';

/** A Teachbase webhook: `{type, event, data}`, as sent after an entity is created or updated. */
export interface TeachbaseWebhook {
	/** snake_case entity type, e.g. `course_stat`. */
	type: string;
	/** `created` or `updated` (others pass through). */
	event: string;
	/** The same attributes the Teachbase API returns for the entity. */
	data: JsonRecord;
	/** Which of the shapes Teachbase documents the request used. */
	shape: 'typed' | 'legacy';
}

/** `data` of a `course_stat` webhook, as far as public material shows it; more fields pass through. */
export interface CourseStatData {
	id?: number;
	course_id?: number;
	course_session_id?: number;
	user_id?: number;
	status?: 'new' | 'inprogress' | 'checking' | 'passed' | 'failed' | 'completed' | 'declined';
	progress?: number;
	started_at?: string | number | null;
	completed_at?: string | number | null;
	updated_at?: string | number | null;
	created_at?: string | number | null;
}

/** A webhook as read from a request, with the JSON object it came in. */
export interface TeachbaseEvent {
	webhook: TeachbaseWebhook;
	payload: JsonRecord;
}

function fromTypedShape(body: JsonRecord): TeachbaseWebhook | undefined {
	const { type, event, data } = body;
	if (!isNonEmptyString(type) || !isNonEmptyString(event) || !isRecord(data)) return undefined;
	return { type: normaliseTeachbaseType(type), event, data, shape: 'typed' };
}

/** The older documented shape: `{"<entity>": {"<action>": {fields}}}`. */
function fromLegacyShape(body: JsonRecord): TeachbaseWebhook | undefined {
	const entities = Object.keys(body);
	if (entities.length !== 1) return undefined;
	const [entity] = entities;
	const actions = body[entity];
	if (!isRecord(actions)) return undefined;
	const actionNames = Object.keys(actions);
	if (actionNames.length !== 1) return undefined;
	const [action] = actionNames;
	const data = actions[action];
	if (!isRecord(data)) return undefined;
	return { type: normaliseTeachbaseType(entity), event: action, data, shape: 'legacy' };
}

function fromObject(body: JsonRecord): TeachbaseWebhook | undefined {
	return fromTypedShape(body) ?? fromLegacyShape(body);
}

/**
 * A form-encoded body carries the JSON in one field ("a POST variable"), or, when raw JSON was
 * sent with a form content type, as the one field's name.
 */
function fromFormFields(fields: Record<string, string>): TeachbaseEvent | undefined {
	for (const [name, value] of Object.entries(fields)) {
		for (const candidate of [value, name]) {
			const payload = parseJsonRecord(candidate);
			const webhook = payload && fromObject(payload);
			if (payload && webhook) return { webhook, payload };
		}
	}
	return undefined;
}

/** Reads a webhook from a JSON body (any content type) or from form fields. */
export function readWebhook(request: ReceivedRequest): ReadResult<TeachbaseEvent> {
	if (request.json) {
		const webhook = fromObject(request.json);
		if (webhook) return { recognized: true, event: { webhook, payload: request.json } };
		return {
			recognized: false,
			problem:
				'The JSON body has neither "type", "event" and "data" nor the {"entity": {"action": {…}}} form',
		};
	}
	const fromForm = request.form && fromFormFields(request.form);
	if (fromForm) return { recognized: true, event: fromForm };
	return notRecognized(request, 'The body is not a Teachbase webhook');
}
