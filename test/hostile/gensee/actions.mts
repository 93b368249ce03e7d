/**
 * Every status and courseware Action code: as a GET, as a POSTed form, with lower-case parameter
 * names, with unknown parameters, and with the interface named on the URL.
 */
import { GENSEE_SAMPLE_ACTIONS, genseeActionSample } from '../../../support/samples/gensee.mjs';
import { FORM_TYPE } from '../contentTypes.mjs';
import type { GenseeBuilder } from './callback.mjs';

type Variant = [string, (marker: string) => Record<string, string>, 'GET' | 'POST'];

function variantsOf(action: string): Variant[] {
	return [
		['GET', (marker) => ({ ...genseeActionSample(action), ClassNo: marker }), 'GET'],
		['POSTed form', (marker) => ({ ...genseeActionSample(action), ClassNo: marker }), 'POST'],
		[
			'lower-case names',
			(marker) =>
				Object.fromEntries(
					Object.entries({ ...genseeActionSample(action), ClassNo: marker }).map(([key, value]) => [
						key.toLowerCase(),
						value,
					]),
				),
			'GET',
		],
		[
			'extra unknown parameters',
			(marker) => ({
				...genseeActionSample(action),
				ClassNo: marker,
				foo: 'bar',
				Action2: '999',
			}),
			'GET',
		],
		[
			'interface named on the URL',
			(marker) => ({
				...genseeActionSample(action),
				ClassNo: marker,
				kind: ['111', '112'].includes(action) ? 'vod' : 'status',
			}),
			'GET',
		],
	];
}

export function addValidCallbacks({ add, nextMarker }: GenseeBuilder): void {
	for (const action of GENSEE_SAMPLE_ACTIONS) {
		for (const [name, make, method] of variantsOf(action)) {
			const marker = nextMarker();
			const params = make(marker);
			add(
				'valid callbacks',
				`${action} ${name}`,
				method === 'GET'
					? { query: params, marker, expect: 'execution' }
					: {
							method,
							body: new URLSearchParams(params).toString(),
							contentType: FORM_TYPE,
							marker,
							expect: 'execution',
						},
			);
		}
	}
}
