import { createHash } from 'crypto';

import { isChosen } from '../shared/choice';
import { stringList } from '../shared/guards';
import { authenticateByToken } from '../shared/webhookToken';
import { booleanOption, positiveNumberOption } from '../shared/webhook/options';
import type { WebhookAdapter } from '../shared/webhook/pipeline';
import { textReply } from '../shared/webhook/reply';
import { decodeWebhook } from './decode';
import { TEACHBASE_OUTPUT_ZONE, TEACHBASE_OUTPUTS, TEACHBASE_PLATFORM } from './events';
import { readWebhook, type TeachbaseEvent } from './payload';

/** Teachbase only checks for a 200, whatever happened; the body says the delivery arrived. */
const ACKNOWLEDGEMENT = textReply(200, 'ok');

/** How long an identical body counts as a retry, unless the node's options say otherwise. */
export const DEFAULT_DEDUPE_WINDOW_MINUTES = 5;

/** Enough for a busy academy's retry window; each entry is a 64-character hash. */
const MAX_REMEMBERED_BODIES = 2000;

/**
 * Teachbase: no signature (an optional token in the URL), and a retry re-sends the same body,
 * so a body seen within the retry window is a repeat.
 */
export const teachbaseAdapter: WebhookAdapter<TeachbaseEvent> = {
	platform: TEACHBASE_PLATFORM,
	timeZone: TEACHBASE_OUTPUT_ZONE,
	fallbackCharset: 'windows-1251',
	outputs: TEACHBASE_OUTPUTS,

	authenticate: authenticateByToken,
	refusal: textReply(403, 'forbidden'),

	read: readWebhook,

	isWanted(context, { webhook }) {
		const acceptedTypes = stringList(context.getNodeParameter('types', []));
		const acceptedEvents = stringList(context.getNodeParameter('events', []));
		return isChosen(acceptedTypes, webhook.type) && isChosen(acceptedEvents, webhook.event);
	},

	delivery(_read, request, options) {
		if (!booleanOption(options, 'deduplicate', true)) return undefined;
		const minutes = positiveNumberOption(
			options,
			'dedupeWindowMinutes',
			DEFAULT_DEDUPE_WINDOW_MINUTES,
		);
		return {
			key: createHash('sha256').update(request.text).digest('hex'),
			window: { windowMs: minutes * 60 * 1000, maxEntries: MAX_REMEMBERED_BODIES },
		};
	},

	decode({ webhook, payload }, { options, receivedAt }) {
		return {
			items: [decodeWebhook(webhook, payload, { includeRaw: options.includeRaw, receivedAt })],
		};
	},

	outputKey: ({ webhook }) => webhook.type,

	acknowledgement: () => ACKNOWLEDGEMENT,
};
