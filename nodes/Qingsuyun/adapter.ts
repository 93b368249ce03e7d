import type { IWebhookFunctions } from 'n8n-workflow';

import { isChosen } from '../shared/choice';
import { stringList } from '../shared/guards';
import { secretsMatch } from '../shared/secrets';
import type { WebhookAdapter } from '../shared/webhook/pipeline';
import { textReply } from '../shared/webhook/reply';
import { decodeCallback } from './decode';
import {
	QINGSUYUN_DEDUPE,
	QINGSUYUN_OUTPUTS,
	QINGSUYUN_PLATFORM,
	QINGSUYUN_TIME_ZONE,
} from './events';
import { presentedSecretKey, readCallback, type QingsuyunEvent } from './payload';

/** Qingsuyun counts a delivery as done only when the body is exactly this. */
const ACKNOWLEDGEMENT = textReply(200, 'success');

/** Qingsuyun: the tenant key in the JSON body is the only authentication; `uuid` identifies retries. */
export const qingsuyunAdapter: WebhookAdapter<QingsuyunEvent> = {
	platform: QINGSUYUN_PLATFORM,
	timeZone: QINGSUYUN_TIME_ZONE,
	fallbackCharset: 'gb18030',
	outputs: QINGSUYUN_OUTPUTS,

	async authenticate(context: IWebhookFunctions, request) {
		const { secretKey } = await context.getCredentials<{ secretKey: string }>('qingsuyunApi');
		return {
			authenticated: secretsMatch(presentedSecretKey(request), secretKey),
			secrets: [secretKey],
		};
	},
	refusal: textReply(401, 'unauthorized'),

	read: readCallback,

	isWanted(context, { callback }) {
		return isChosen(stringList(context.getNodeParameter('events', [])), callback.type);
	},

	delivery(read) {
		const uuid = read.recognized ? read.event.callback.uuid : undefined;
		return uuid === undefined ? undefined : { key: uuid, window: QINGSUYUN_DEDUPE };
	},

	decode({ callback, payload }, { options, receivedAt }) {
		return {
			items: [decodeCallback(callback, payload, { includeRaw: options.includeRaw, receivedAt })],
		};
	},

	outputKey: ({ callback }) => callback.type,

	acknowledgement: () => ACKNOWLEDGEMENT,
	// A 400 makes Qingsuyun record the delivery as failed.
	rejection: (problem) => textReply(400, `unrecognized request: ${problem}`),
};
