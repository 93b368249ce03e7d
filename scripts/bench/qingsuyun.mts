import { randomUUID } from 'node:crypto';

import { qingsuyunAdapter } from '../../nodes/Qingsuyun/adapter';
import { QINGSUYUN_SAMPLE_TYPES, qingsuyunSample } from '../../support/samples/qingsuyun.mjs';
import { flaggedCase, readAndDecodeCase } from './adapterCases.mjs';
import { distinctBodies } from './bodies.mjs';
import { jsonPost } from './requests.mjs';
import type { BenchPlatform, DecodeBenchCase } from './types.mjs';

const SECRET = 'b3c4d5e6f7a8091a2b3c4d5e6f7a8091';

/** A realistic callback grown to `bytes` with a long free-text field in eventBody. */
function sizedCallback(bytes: number, uuid: string = randomUUID().replace(/-/g, '')): string {
	const base = JSON.stringify(qingsuyunSample('answerSheet', SECRET, { uuid }));
	const room = Math.max(0, bytes - base.length - '"remark":"",'.length);
	return base.replace('"eventBody":{', `"eventBody":{"remark":"${'x'.repeat(room)}",`);
}

/** A public paper (公开试卷) collecting 200 fields: the largest realistic Qingsuyun callback. */
function publicPaperCallback(): string {
	const sample = qingsuyunSample('answerSheet', SECRET);
	const fields = Array.from({ length: 200 }, (_, index) => ({
		fieldName: `采集项${index}`,
		answerContent: `回答内容 ${index} `.repeat(4),
		fieldType: 'text',
		sortIndex: index,
	}));
	return JSON.stringify({
		...sample,
		eventBody: { ...sample.eventBody, collectFieldList: fields },
	});
}

const decodeCase = (label: string, text: string): DecodeBenchCase =>
	readAndDecodeCase(qingsuyunAdapter, label, jsonPost(text));

/** Unreadable bodies take the flagged path: searched for the key and redacted before they are shown. */
const unreadableCase = (label: string, text: string): DecodeBenchCase =>
	flaggedCase(qingsuyunAdapter, label, jsonPost(text), [SECRET]);

export const qingsuyunBench: BenchPlatform = {
	name: 'qingsuyun',
	webhook: {
		label: 'Qingsuyun Trigger',
		credentials: ['qingsuyun.credentials.json'],
		workflows: ['qingsuyun.bare.workflows.json'],
		substitutions: { QINGSUYUN_SECRET: SECRET },
		webhook: 'qsy-hostile/qingsuyun',
		workflowId: 'qsyHostileAll001',
		bodies(bytes) {
			// Each callback its own `uuid`, the dedupe key.
			const placeholder = 'f'.repeat(32);
			return distinctBodies(sizedCallback(bytes, placeholder), placeholder, 'application/json');
		},
	},
	decodeCases() {
		const truncated = sizedCallback(1024 * 1024).slice(0, -200);
		return [
			...QINGSUYUN_SAMPLE_TYPES.map((type) =>
				decodeCase(`${type} (documented sample)`, JSON.stringify(qingsuyunSample(type, SECRET))),
			),
			decodeCase('public paper, 200 collected fields', publicPaperCallback()),
			decodeCase('answerSheet grown to 64 KiB', sizedCallback(64 * 1024)),
			decodeCase('answerSheet grown to 1 MiB', sizedCallback(1024 * 1024)),
			unreadableCase(
				'unreadable 1 KiB body, flagged and redacted',
				sizedCallback(1024).slice(0, -20),
			),
			unreadableCase('unreadable 1 MiB body, flagged and redacted', truncated),
		];
	},
};
