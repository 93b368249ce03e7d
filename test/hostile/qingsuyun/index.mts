/**
 * The Qingsuyun Trigger under attack: every kind of spoiled callback, each knowing what the node
 * must answer and whether it must start an execution. Each part of the corpus is a file of its
 * own; they are added in a fixed order, which fixes every request's label and marker.
 */
import { unicodeEscaped } from '../mutations.mjs';
import type { HostilePlatform, HostileRequest } from '../types.mjs';
import { addContentTypes, addOtherMethods } from './arrival.mjs';
import {
	addEmptyAndNonObjectBodies,
	addMalformedJson,
	addTruncatedBodies,
} from './brokenBodies.mjs';
import { createCorpusBuilder, type CorpusBuilder } from './builder.mjs';
import { ALL, EXAMS, SECRET, percentEncoded } from './callback.mjs';
import { addPrototypePollution, addUnknownEventTypes, addWrongFieldTypes } from './fieldShapes.mjs';
import { addFilterAndReject } from './filterAndReject.mjs';
import { protocolViolation } from './protocol.mjs';
import { addRepeatedDeliveries } from './retries.mjs';
import { addWrongKeys } from './secrets.mjs';
import { addDeepAndLargeBodies } from './size.mjs';
import { addUnicodeEdgeCases } from './unicode.mjs';

const PARTS: ReadonlyArray<(builder: CorpusBuilder) => void> = [
	addContentTypes,
	addTruncatedBodies,
	addMalformedJson,
	addEmptyAndNonObjectBodies,
	addWrongFieldTypes,
	addUnknownEventTypes,
	addPrototypePollution,
	addUnicodeEdgeCases,
	addWrongKeys,
	addRepeatedDeliveries,
	addFilterAndReject,
	addOtherMethods,
	addDeepAndLargeBodies,
];

function buildCorpus(): HostileRequest[] {
	const builder = createCorpusBuilder();
	for (const addPart of PARTS) addPart(builder);
	return builder.requests;
}

export const qingsuyunHostile: HostilePlatform = {
	name: 'qingsuyun',
	fixtures: {
		credentials: ['qingsuyun.credentials.json'],
		workflows: ['qingsuyun.bare.workflows.json'],
		substitutions: { QINGSUYUN_SECRET: SECRET },
		workflowIds: ['qsyHostileAll001', 'qsyHostileExam01'],
		webhooks: [ALL, EXAMS],
	},
	secrets: [SECRET, unicodeEscaped(SECRET), percentEncoded(SECRET)],
	deduplicates: true,
	buildCorpus,
	protocolViolation,
	isFlaggedExecution: (data) => data.includes('"Unrecognized request"'),
};
