import { teachbaseAdapter } from '../../nodes/Teachbase/adapter';
import { teachbaseSample } from '../../support/samples/teachbase.mjs';
import { readAndDecodeCase } from './adapterCases.mjs';
import { distinctBodies } from './bodies.mjs';
import { jsonPost } from './requests.mjs';
import { tokenTarget } from './tokenTarget.mjs';
import type { BenchPlatform, DecodeBenchCase } from './types.mjs';

const TOKEN = 'bench-teachbase-token-2c9e';

/**
 * A course_stat webhook grown to `bytes` with a long free-text field, carrying `id` (Teachbase
 * sends no event id: the record id keeps bodies apart, so retry dedupe skips none).
 */
function sizedWebhook(bytes: number, id: string): string {
	const sample = teachbaseSample('course_stat', 'updated');
	const base = JSON.stringify({ ...sample, data: { ...sample.data, id, comment: '' } });
	return base.replace(
		'"comment":""',
		`"comment":"${'x'.repeat(Math.max(0, bytes - base.length))}"`,
	);
}

const decodeCase = (label: string, text: string): DecodeBenchCase =>
	readAndDecodeCase(teachbaseAdapter, label, jsonPost(text));

export const teachbaseBench: BenchPlatform = {
	name: 'teachbase',
	webhook: tokenTarget(
		{
			platform: 'teachbase',
			label: 'Teachbase Trigger',
			path: 'tb-hostile/teachbase',
			workflowId: 'tbHostileAll0001',
			token: TOKEN,
		},
		{
			// Teachbase's retry dedupe keys on the whole body: a load tool's default, one body sent
			// again and again, measures this path and starts no execution.
			repeatPath: true,
			bodies(bytes) {
				// The body is the dedupe key: the record id makes every body a new event.
				const placeholder = '9'.repeat(16);
				return distinctBodies(sizedWebhook(bytes, placeholder), placeholder, 'application/json');
			},
		},
	),
	decodeCases() {
		return [
			decodeCase(
				'course_stat.updated (sample)',
				JSON.stringify(teachbaseSample('course_stat', 'updated')),
			),
			decodeCase('course_stat.updated grown to 1 MB', sizedWebhook(1_000_000, '1')),
		];
	},
};
