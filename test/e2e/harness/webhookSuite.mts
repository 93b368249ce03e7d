import { afterAll, beforeAll } from 'vitest';

import { deliver, type DeliveryReply } from '../../../support/deliver.mjs';
import { TRIGGER_FLOWS, type TriggerPlatform } from '../../../support/fixtures/triggerFlows.mjs';
import type { Delivery } from '../../../support/samples/types.mjs';
import { startN8n, type RunningN8n } from '../../../support/startN8n.mjs';
import { Sink } from './sink.mjs';

/** A platform's trigger workflows in a running n8n; `n8n` and `sink` only once the suite runs. */
export interface WebhookSuite<Platform extends TriggerPlatform> {
	readonly n8n: RunningN8n;
	/** Where every workflow posts the items its trigger emitted. */
	readonly sink: Sink;
	/** The platform's trigger workflows, by role. */
	readonly flows: (typeof TRIGGER_FLOWS)[Platform];
	/** The production URL of one of the platform's triggers. */
	webhookUrl(hook: string): string;
	/** Delivers to one of the platform's triggers, with `query` added to the URL. */
	send(hook: string, delivery: Delivery, query?: Record<string, string>): Promise<DeliveryReply>;
}

/**
 * Per test file: a sink and a real n8n with the platform's credential (`credential` fills its
 * placeholders) and its trigger workflows, each posting what it received to the sink. The tests
 * start once n8n has registered every trigger's webhook; both are stopped after the file's tests.
 */
export function webhookSuite<Platform extends TriggerPlatform>(
	platform: Platform,
	credential: Record<string, string>,
): WebhookSuite<Platform> {
	let sink: Sink | undefined;
	let n8n: RunningN8n | undefined;
	beforeAll(async () => {
		sink = await Sink.start();
		n8n = await startN8n({
			credentials: [`${platform}.credentials.json`],
			workflows: [`${platform}.workflows.json`],
			substitutions: { SINK_URL: sink.url, ...credential },
			webhooks: Object.values(TRIGGER_FLOWS[platform]).map(({ hook }) => `${hook}/${platform}`),
		});
	});
	afterAll(async () => {
		await n8n?.stop();
		await sink?.close();
	});
	const running = () => {
		if (!n8n || !sink) throw new Error(`${platform} webhook suite: n8n did not start`);
		return { n8n, sink };
	};
	return {
		get n8n() {
			return running().n8n;
		},
		get sink() {
			return running().sink;
		},
		flows: TRIGGER_FLOWS[platform],
		webhookUrl: (hook) => running().n8n.webhookUrl(hook, platform),
		send: (hook, delivery, query = {}) =>
			deliver(running().n8n.webhookUrl(hook, platform), delivery, query),
	};
}
