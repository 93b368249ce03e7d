/**
 * The Teachbase Trigger under attack: spoiled webhooks, wrong tokens, retries. Teachbase needs a
 * 200 for every authenticated request, whatever the node makes of it. Each part of the corpus is
 * a file of its own; they are added in a fixed order, which fixes every request's label and marker.
 */
import { buildFromParts, createCorpusBuilder, type CorpusBuilder } from '../builder.mjs';
import { bareTriggerFixtures, isFlaggedAsUnrecognized } from '../platform.mjs';
import type { HostilePlatform } from '../types.mjs';
import { addContentTypes, addOlderShapes } from './arrival.mjs';
import { addMalformedJson, addTruncatedBodies } from './brokenBodies.mjs';
import { addUnknownEventsAndPrototypeKeys, addWrongShapes } from './fieldShapes.mjs';
import { protocolViolation } from './protocol.mjs';
import { addRepeatedDeliveries } from './retries.mjs';
import { addWrongTokens } from './secrets.mjs';
import { addDeepAndLargeBodies } from './size.mjs';
import { addUnicodeEdgeCases } from './unicode.mjs';
import { HOOK, TOKEN } from './webhook.mjs';

const PARTS: ReadonlyArray<(builder: CorpusBuilder) => void> = [
	addContentTypes,
	addOlderShapes,
	addMalformedJson,
	addTruncatedBodies,
	addWrongShapes,
	addUnknownEventsAndPrototypeKeys,
	addUnicodeEdgeCases,
	addDeepAndLargeBodies,
	addWrongTokens,
	addRepeatedDeliveries,
];

function createBuilder(): CorpusBuilder {
	return createCorpusBuilder('teachbase', { webhook: HOOK, method: 'POST', token: TOKEN });
}

export const teachbaseHostile: HostilePlatform = {
	name: 'teachbase',
	fixtures: bareTriggerFixtures(
		'teachbase',
		'teachbase.hostile.credentials.json',
		{ TEACHBASE_HOSTILE_TOKEN: TOKEN },
		{ tbHostileAll0001: HOOK },
	),
	secrets: [TOKEN],
	deduplicates: true,
	buildCorpus: () => buildFromParts(createBuilder, PARTS),
	protocolViolation,
	isFlaggedExecution: isFlaggedAsUnrecognized,
};
