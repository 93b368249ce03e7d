import { describe, expect, it } from 'vitest';

import { decodeWebhook, normaliseTeachbaseTime } from '../../nodes/Teachbase/decode';
import { normaliseTeachbaseType, teachbaseEventName, teachbaseOutputIndex } from '../../nodes/Teachbase/events';
import { readWebhook } from '../../nodes/Teachbase/payload';
import { teachbaseLegacySample, teachbaseSample } from '../../support/samples/teachbase.mjs';

const RECEIVED_AT = Date.UTC(2024, 2, 4, 15, 43, 0);

describe('reading a Teachbase webhook', () => {
	it('reads the {type, event, data} shape', () => {
		const sample = teachbaseSample('quiz_stat', 'updated');
		const result = readWebhook(JSON.stringify(sample), {});
		expect(result).toMatchObject({ recognized: true, webhook: { type: 'quiz_stat', event: 'updated', shape: 'typed' } });
	});

	it('reads the older {entity: {action: {…}}} shape, with CamelCase entity names too', () => {
		expect(readWebhook(JSON.stringify(teachbaseLegacySample('scorm_stat', 'created')), {})).toMatchObject({
			recognized: true,
			webhook: { type: 'scorm_stat', event: 'created', shape: 'legacy' },
		});
		const camel = { MaterialStat: { updated: { id: 1 } } };
		expect(readWebhook(JSON.stringify(camel), {})).toMatchObject({
			recognized: true,
			webhook: { type: 'material_stat', event: 'updated' },
		});
	});

	it('reads a form-encoded body whose one field holds the JSON, or whose field name is the JSON', () => {
		const json = JSON.stringify(teachbaseLegacySample('course_stat', 'updated'));
		expect(readWebhook('data=…', { data: json })).toMatchObject({ recognized: true });
		expect(readWebhook(json, { [json]: '' })).toMatchObject({ recognized: true });
	});

	it('explains what is wrong with anything else', () => {
		expect(readWebhook('', {})).toMatchObject({ recognized: false, problem: 'The request has an empty body' });
		expect(readWebhook('{"a":1,"b":2}', {})).toMatchObject({ recognized: false });
		expect(readWebhook('{"type":"course_stat","event":"updated","data":[1]}', {})).toMatchObject({
			recognized: false,
		});
		expect(readWebhook('<xml/>', {})).toMatchObject({ recognized: false, problem: 'The body is not a Teachbase webhook' });
	});
});

describe('decoding a Teachbase webhook', () => {
	function decode(body: unknown, includeRaw = false) {
		const result = readWebhook(JSON.stringify(body), {});
		if (!result.recognized) throw new Error(result.problem);
		return decodeWebhook(result.webhook, result.payload, { includeRaw, receivedAt: RECEIVED_AT }).json;
	}

	it('builds the envelope and lifts the key ids to the top level', () => {
		const json = decode(teachbaseSample('course_stat', 'updated'));
		expect(json).toMatchObject({
			platform: 'teachbase',
			event: 'course_stat.updated',
			eventName: 'Course progress updated',
			occurredAt: '2024-03-04T15:42:05.000Z',
			receivedAt: '2024-03-04T15:43:00.000Z',
			user_id: 2240981,
			course_id: 84213,
			course_session_id: 190327,
			progress: 62.5,
		});
		expect(Object.keys(json).slice(0, 3)).toEqual(['platform', 'event', 'eventName']);
	});

	it('takes ids from nested objects when Teachbase nests them', () => {
		const json = decode({ type: 'course_stat', event: 'created', data: { user: { id: 7 }, course_session: { id: 9 } } });
		expect(json).toMatchObject({ user_id: 7, course_session_id: 9 });
		expect(json).not.toHaveProperty('course_id');
	});

	it('normalises ISO strings with offsets, SQL-style Moscow times and unix seconds', () => {
		expect(normaliseTeachbaseTime('2024-03-01T10:15:00+03:00')).toBe('2024-03-01T07:15:00.000Z');
		expect(normaliseTeachbaseTime('2024-03-04 18:41:33')).toBe('2024-03-04T15:41:33.000Z');
		expect(normaliseTeachbaseTime(1709566925)).toBe('2024-03-04T15:42:05.000Z');
		expect(normaliseTeachbaseTime('1709566925')).toBe('2024-03-04T15:42:05.000Z');
		expect(normaliseTeachbaseTime(45)).toBeUndefined();
		expect(normaliseTeachbaseTime(null)).toBeUndefined();
		expect(normaliseTeachbaseTime('soon')).toBeUndefined();
	});

	it('passes unknown types and events through, and never copies a __proto__ key', () => {
		const json = decode(JSON.parse('{"type":"webinar_stat","event":"deleted","data":{"__proto__":{"x":1},"id":3}}'));
		expect(json).toMatchObject({ event: 'webinar_stat.deleted', eventName: 'Teachbase webinar_stat deleted', id: 3 });
		expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
		expect(teachbaseEventName('course_stat', 'created')).toBe('User enrolled in course');
		expect(teachbaseOutputIndex('material_stat')).toBe(5);
		expect(teachbaseOutputIndex('webinar_stat')).toBe(6);
		expect(normaliseTeachbaseType('ScormStat')).toBe('scorm_stat');
	});

	it('keeps the body under raw only when asked', () => {
		const sample = teachbaseSample('task_stat', 'created');
		expect(decode(sample)).not.toHaveProperty('raw');
		expect(decode(sample, true).raw).toEqual(sample);
	});
});
