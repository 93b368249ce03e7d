/**
 * How a valid webhook may arrive: under every content type a sender might use, and in the older
 * shapes Teachbase still sends.
 */
import { teachbaseLegacySample } from '../../../support/samples/teachbase.mjs';
import type { CorpusBuilder } from '../builder.mjs';
import { FORM_TYPE, JSON_TYPE, TEXT_TYPE } from '../contentTypes.mjs';
import { EVENTS, webhook } from './webhook.mjs';

/** Every type × event under the content types a sender might use. */
export function addContentTypes({ add, nextMarker }: CorpusBuilder): void {
	for (const contentType of [
		JSON_TYPE,
		'application/json; charset=utf-8',
		TEXT_TYPE,
		'text/json',
		'application/octet-stream',
		// Raw JSON posted as a form arrives as one field whose name is the JSON.
		FORM_TYPE,
		undefined,
	]) {
		EVENTS.forEach((_, index) => {
			const marker = nextMarker();
			add('valid webhooks', `${contentType ?? 'no content type'} ${index}`, {
				body: JSON.stringify(webhook(index, marker)),
				contentType,
				marker,
				expect: 'execution',
			});
		});
	}
}

/** The older shape, CamelCase entities, and a form field holding the JSON. */
export function addOlderShapes({ add, nextMarker }: CorpusBuilder): void {
	EVENTS.forEach(({ type, event }, index) => {
		const marker = nextMarker();
		const legacy = teachbaseLegacySample(type, event);
		const entity = Object.keys(legacy)[0] ?? type;
		add('older shapes', `legacy ${type}.${event}`, {
			body: JSON.stringify({ [entity]: { [event]: { hostileMarker: marker, index } } }),
			contentType: JSON_TYPE,
			marker,
			expect: 'execution',
		});
		const formMarker = nextMarker();
		add('older shapes', `form ${type}.${event}`, {
			body: new URLSearchParams({
				data: JSON.stringify({ [entity]: { [event]: { hostileMarker: formMarker } } }),
			}).toString(),
			contentType: FORM_TYPE,
			marker: formMarker,
			expect: 'execution',
		});
	});
}
