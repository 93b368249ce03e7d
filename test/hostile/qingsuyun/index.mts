/**
 * The Qingsuyun Trigger under attack: every kind of spoiled callback, each knowing what the node
 * must answer and whether it must start an execution. Each part of the corpus is a file of its
 * own; they are added in a fixed order, which fixes every request's label and marker.
 */
import { buildFromParts, createCorpusBuilder, type CorpusBuilder } from '../builder.mjs';
import { bareTriggerFixtures, isFlaggedAsUnrecognized } from '../platform.mjs';
import type { HostilePlatform } from '../types.mjs';
import { percentEncoded, unicodeEscaped } from '../wrongSecrets.mjs';
import { addContentTypes, addOtherMethods } from './arrival.mjs';
import {
	addEmptyAndNonObjectBodies,
	addMalformedJson,
	addTruncatedBodies,
} from './brokenBodies.mjs';
import { ALL, EXAMS, SECRET } from './callback.mjs';
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

function createBuilder(): CorpusBuilder {
	return createCorpusBuilder('qingsuyun', { webhook: ALL, method: 'POST' });
}

export const qingsuyunHostile: HostilePlatform = {
	name: 'qingsuyun',
	fixtures: bareTriggerFixtures(
		'qingsuyun',
		'qingsuyun.credentials.json',
		{ QINGSUYUN_SECRET: SECRET },
		{ qsyHostileAll001: ALL, qsyHostileExam01: EXAMS },
	),
	secrets: [SECRET, unicodeEscaped(SECRET), percentEncoded(SECRET)],
	deduplicates: true,
	buildCorpus: () => buildFromParts(createBuilder, PARTS),
	protocolViolation,
	isFlaggedExecution: isFlaggedAsUnrecognized,
};
