/**
 * Readable JSON of the wrong shape: wrong field types, event types the node does not know, and
 * prototype-pollution keys.
 */
import type { QingsuyunSampleType } from '../../../support/samples/qingsuyun.mjs';
import type { CorpusBuilder } from '../builder.mjs';
import { JSON_TYPE } from '../contentTypes.mjs';
import type { Expectation } from '../types.mjs';
import { ALL, EXAMS, SECRET, callback, type Fields } from './callback.mjs';

/** A `type` callback with top-level `field` set to each of `values`; labels name the secret SECRET. */
function addFieldValues(
	{ add, nextMarker }: CorpusBuilder,
	field: string,
	type: QingsuyunSampleType,
	values: readonly unknown[],
	expect: Expectation,
): void {
	for (const value of values) {
		const marker = nextMarker();
		add('wrong field types', `${field} = ${JSON.stringify(value).replace(SECRET, 'SECRET')}`, {
			body: JSON.stringify({ ...callback(type, marker), [field]: value }),
			contentType: JSON_TYPE,
			marker,
			expect,
		});
	}
}

/** Wrong field types with the right key: flagged when unreadable, accepted otherwise. */
export function addWrongFieldTypes(builder: CorpusBuilder): void {
	const { add, nextMarker } = builder;
	const typeValues = [123, null, true, [], {}, '', ['answerSheet']];
	addFieldValues(builder, 'type', 'answerSheet', typeValues, 'flagged');
	const eventBodyValues = ['text', 42, null, [], [{ a: 1 }], true];
	addFieldValues(builder, 'eventBody', 'courseFinish', eventBodyValues, 'flagged');
	{
		const marker = nextMarker();
		const { eventBody: _dropped, ...withoutBody } = callback('courseFinish', marker);
		add('wrong field types', 'eventBody missing', {
			body: JSON.stringify(withoutBody),
			contentType: JSON_TYPE,
			marker,
			expect: 'flagged',
		});
	}
	addFieldValues(builder, 'uuid', 'clockFinish', [123, null, {}, [], '', true], 'execution');
	const tsValues = [
		0,
		'yesterday',
		'',
		'9999-99-99 99:99:99',
		{ at: 1 },
		'2022-02-30 25:61:61.999',
	];
	addFieldValues(builder, 'ts', 'answerSheet', tsValues, 'execution');
	const timeValues: unknown[] = [
		'soon',
		-1,
		1e308,
		99_999_999_999_999,
		1.5e11,
		null,
		[1641634772902],
		{ t: 1 },
	];
	for (const value of timeValues) {
		const marker = nextMarker();
		const fields = callback('answerSheet', marker);
		add('wrong field types', `eventBody.startTime = ${JSON.stringify(value)}`, {
			body: JSON.stringify({
				...fields,
				eventBody: { ...(fields.eventBody as Fields), startTime: value },
			}),
			contentType: JSON_TYPE,
			marker,
			expect: 'execution',
		});
	}
	{
		const marker = nextMarker();
		add('wrong field types', 'huge number literal', {
			body: JSON.stringify(callback('answerSheet', marker)).replace(
				/"realScore":\d+/,
				'"realScore":1e400',
			),
			contentType: JSON_TYPE,
			marker,
			expect: 'execution',
		});
	}
	const secretKeyValues = [123, null, [SECRET], { secretKey: SECRET }, true];
	addFieldValues(builder, 'secretKey', 'answerSheet', secretKeyValues, 'unauthenticated');
}

/** Event types the node does not know: passed through (all) or filtered (exams only). */
export function addUnknownEventTypes({ add, nextMarker }: CorpusBuilder): void {
	const unknownTypes = [
		'liveFinish',
		'ANSWERSHEET',
		'answerSheet ',
		'__proto__',
		'constructor',
		'toString',
		'hasOwnProperty',
		'考试完成',
		'a\u0000b',
		'x'.repeat(10_000),
	];
	for (const type of unknownTypes) {
		for (const webhook of [ALL, EXAMS]) {
			const marker = nextMarker();
			add(
				'unknown event types',
				`${JSON.stringify(type.slice(0, 20))} → ${webhook.split('/')[0]}`,
				{
					body: JSON.stringify({ ...callback('answerSheet', marker), type }),
					contentType: JSON_TYPE,
					marker,
					webhook,
					expect: webhook === ALL ? 'execution' : 'filtered',
				},
			);
		}
	}
}

/** Prototype-pollution keys, at the top level, in eventBody and deeper. */
export function addPrototypePollution({ add, nextMarker }: CorpusBuilder): void {
	const atTop = (members: string) => (fields: Fields) =>
		JSON.stringify(fields).replace(/^\{/, `{${members}`);
	const inEventBody = (members: string) => (fields: Fields) =>
		JSON.stringify(fields).replace('"eventBody":{', `"eventBody":{${members}`);
	const pollution: Array<{ name: string; edit: (fields: Fields) => string }> = [
		{ name: 'top-level __proto__', edit: atTop('"__proto__":{"polluted":"yes","isAdmin":true},') },
		{ name: 'eventBody __proto__', edit: inEventBody('"__proto__":{"polluted":"yes"},') },
		{
			name: 'eventBody constructor.prototype',
			edit: inEventBody('"constructor":{"prototype":{"polluted":"yes"}},'),
		},
		{ name: 'eventBody prototype key', edit: inEventBody('"prototype":{"polluted":"yes"},') },
		{
			name: 'nested __proto__ in a collected field',
			edit: inEventBody(
				'"fields":[{"fieldName":"__proto__","answerContent":{"polluted":"yes"}},{"fieldName":"constructor","answerContent":"x"}],',
			),
		},
		{
			name: 'time-like __proto__ key',
			edit: inEventBody('"__proto__":1641634772902,"toString":"x","valueOf":1,'),
		},
	];
	for (const { name, edit } of pollution) {
		for (const webhook of [ALL, EXAMS]) {
			const marker = nextMarker();
			add('prototype pollution', `${name} → ${webhook.split('/')[0]}`, {
				body: edit(callback('answerSheet', marker)),
				contentType: JSON_TYPE,
				marker,
				webhook,
				expect: 'execution',
			});
		}
	}
	{
		const marker = nextMarker();
		const { secretKey: _omitted, ...rest } = callback('answerSheet', marker);
		add('prototype pollution', 'key smuggled in __proto__', {
			body: JSON.stringify(rest).replace(/^\{/, `{"__proto__":{"secretKey":"${SECRET}"},`),
			contentType: JSON_TYPE,
			marker,
			expect: 'unauthenticated',
		});
		const formMarker = nextMarker();
		add('prototype pollution', 'form __proto__ fields', {
			body: `__proto__[secretKey]=${SECRET}&constructor[prototype][x]=1&type=answerSheet&uuid=${formMarker}`,
			contentType: 'application/x-www-form-urlencoded',
			marker: formMarker,
			expect: 'unauthenticated',
		});
	}
}
