import { randomUUID } from 'node:crypto';

import { decodeCallback } from '../../nodes/Qingsuyun/decode';
import { QINGSUYUN_PLATFORM } from '../../nodes/Qingsuyun/events';
import { readCallback } from '../../nodes/Qingsuyun/payload';
import { buildUnrecognizedItem } from '../../nodes/shared/envelope';
import { redactSecrets } from '../../nodes/shared/secrets';
import { decodeRawRequest } from '../../nodes/shared/webhook/request';
import { QINGSUYUN_SAMPLE_TYPES, qingsuyunSample } from '../../support/samples/qingsuyun.mjs';
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

function decodeCase(label: string, text: string): DecodeBenchCase {
	return {
		platform: QINGSUYUN_PLATFORM,
		label,
		bytes: Buffer.byteLength(text),
		decode() {
			const read = readCallback(decodeRawRequest(jsonPost(text), 'gb18030'));
			if (!read.recognized) throw new Error(`bench sample not recognized: ${read.problem}`);
			return decodeCallback(read.event.callback, read.event.payload, {
				includeRaw: false,
				receivedAt: Date.now(),
			});
		},
	};
}

/** The flagged path: an unreadable body is searched for the key and redacted before it is shown. */
function flaggedCase(label: string, text: string): DecodeBenchCase {
	return {
		platform: QINGSUYUN_PLATFORM,
		label,
		bytes: Buffer.byteLength(text),
		decode() {
			const read = readCallback(decodeRawRequest(jsonPost(text), 'gb18030'));
			if (read.recognized) throw new Error('bench sample unexpectedly recognized');
			return buildUnrecognizedItem({
				platform: QINGSUYUN_PLATFORM,
				receivedAt: new Date().toISOString(),
				problem: read.problem,
				rawBody: redactSecrets(text, [SECRET]),
			});
		},
	};
}

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
			flaggedCase('unreadable 1 KiB body, flagged and redacted', sizedCallback(1024).slice(0, -20)),
			flaggedCase('unreadable 1 MiB body, flagged and redacted', truncated),
		];
	},
};
