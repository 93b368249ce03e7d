import { afterAll, beforeAll } from 'vitest';

import { startN8n, type RunningN8n } from '../../../support/startN8n.mjs';
import { Sink } from './sink.mjs';

export interface WebhookSuite {
	n8n: RunningN8n;
	sink: Sink;
}

export interface WebhookSuiteOptions {
	/**
	 * The trigger's platform: its fixtures are `<platform>.credentials.json` and
	 * `<platform>.workflows.json`, and its webhook paths end in `/<platform>`.
	 */
	platform: 'gensee' | 'qingsuyun' | 'teachbase';
	/** The credential fixture's placeholders (the token or secret) and their values. */
	credential: Record<string, string>;
	/** The workflows' webhooks, each registered before the tests start. */
	hooks: ReadonlyArray<{ hook: string }>;
}

/**
 * Per test file: a sink and a real n8n with the platform's credential and trigger workflows
 * (each posting what it received to the sink), handed to `onStart` once running and both stopped
 * after the file's tests.
 */
export function webhookSuite(
	options: WebhookSuiteOptions,
	onStart: (suite: WebhookSuite) => void,
): void {
	let sink: Sink | undefined;
	let n8n: RunningN8n | undefined;
	beforeAll(async () => {
		sink = await Sink.start();
		n8n = await startN8n({
			credentials: [`${options.platform}.credentials.json`],
			workflows: [`${options.platform}.workflows.json`],
			substitutions: { SINK_URL: sink.url, ...options.credential },
			webhooks: options.hooks.map(({ hook }) => `${hook}/${options.platform}`),
		});
		onStart({ n8n, sink });
	});
	afterAll(async () => {
		await n8n?.stop();
		await sink?.close();
	});
}
