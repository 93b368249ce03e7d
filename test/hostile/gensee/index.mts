/**
 * The Gensee Trigger under attack: spoiled callbacks on all seven interfaces, hostile Q&A XML,
 * wrong tokens, repeats. Gensee callbacks are GETs and POSTs on one URL. Gensee has no retries to
 * collapse, so a repeated delivery is an execution of its own by design. Each part of the corpus
 * is a file of its own; they are added in a fixed order, which fixes every request's label and
 * marker.
 */
import { buildFromParts } from '../builder.mjs';
import { bareTriggerFixtures, isFlaggedAsUnrecognized } from '../platform.mjs';
import type { HostilePlatform } from '../types.mjs';
import { addValidCallbacks } from './actions.mjs';
import { HOOK, TOKEN, createGenseeBuilder, type GenseeBuilder } from './callback.mjs';
import { addHostileXml, addTruncatedXml } from './hostileXml.mjs';
import { addPages, addWebQuestions } from './pages.mjs';
import { protocolViolation } from './protocol.mjs';
import { addQaXml } from './qaXml.mjs';
import { addRepeatedDeliveries } from './retries.mjs';
import { addWrongTokens } from './secrets.mjs';
import { addLargeBodies } from './size.mjs';
import { addMalformedJson, addPrototypeKeys, addUnrecognized } from './unrecognized.mjs';

const PARTS: ReadonlyArray<(builder: GenseeBuilder) => void> = [
	addValidCallbacks,
	addQaXml,
	addWebQuestions,
	addPages,
	addHostileXml,
	addTruncatedXml,
	addUnrecognized,
	addPrototypeKeys,
	addMalformedJson,
	addLargeBodies,
	addWrongTokens,
	addRepeatedDeliveries,
];

export const genseeHostile: HostilePlatform = {
	name: 'gensee',
	fixtures: bareTriggerFixtures(
		'gensee',
		'gensee.hostile.credentials.json',
		{ GENSEE_HOSTILE_TOKEN: TOKEN },
		{ gsHostileAll0001: HOOK },
	),
	secrets: [TOKEN],
	deduplicates: false,
	buildCorpus: () => buildFromParts(createGenseeBuilder, PARTS),
	protocolViolation,
	isFlaggedExecution: isFlaggedAsUnrecognized,
};
