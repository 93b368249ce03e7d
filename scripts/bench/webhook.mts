/**
 * Our webhook triggers side by side with n8n's built-in Webhook node (respond immediately) in one
 * n8n, under the same load from autocannon on the loopback interface.
 */
import autocannon from 'autocannon';

import { startN8n } from '../../test/e2e/harness/n8n.mjs';
import type { WebhookBenchTarget } from './types.mjs';

const BUILTIN = {
	label: "n8n's Webhook node",
	workflow: 'bench.builtin.workflows.json',
	webhook: 'bench-builtin',
};

export interface LoadSettings {
	sizes: number[];
	connections: number;
	durationSeconds: number;
	warmupSeconds: number;
	rounds: number;
}

export interface LoadResult {
	target: string;
	bytes: number;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	/** Replies other than 2xx, and connection errors or timeouts: should be 0. */
	failures: number;
	requests: number;
}

export interface WebhookComparison {
	bytes: number;
	builtin: LoadResult;
	ours: LoadResult;
}

interface Fire {
	url: string;
	contentType: string;
	next(): string;
}

async function fire(settings: LoadSettings, target: Fire, seconds: number): Promise<autocannon.Result> {
	return await autocannon({
		url: target.url,
		connections: settings.connections,
		duration: seconds,
		timeout: 30,
		method: 'POST',
		headers: { 'content-type': target.contentType },
		requests: [
			{
				method: 'POST',
				setupRequest: (request) => ({ ...request, body: target.next() }),
			},
		],
	});
}

function summarize(label: string, bytes: number, results: autocannon.Result[]): LoadResult {
	const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
	return {
		target: label,
		bytes,
		requestsPerSecond: mean(results.map((result) => result.requests.total / result.duration)),
		p50Ms: mean(results.map((result) => result.latency.p50)),
		p99Ms: mean(results.map((result) => result.latency.p99)),
		failures: results.reduce((sum, result) => sum + result.non2xx + result.errors + result.timeouts, 0),
		requests: results.reduce((sum, result) => sum + result.requests.total, 0),
	};
}

/**
 * Lets the executions a run started finish before the next run. n8n leaves unsaved executions
 * marked "running" in its database, so there is nothing to poll; a workflow holding a trigger
 * alone finishes within milliseconds.
 */
async function settle(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 2_000));
}

export async function benchWebhooks(
	targets: readonly WebhookBenchTarget[],
	settings: LoadSettings,
	log: (line: string) => void,
): Promise<Map<string, WebhookComparison[]>> {
	const n8n = await startN8n({
		credentials: [...new Set(targets.flatMap((target) => target.credentials))],
		workflows: [BUILTIN.workflow, ...new Set(targets.flatMap((target) => target.workflows))],
		substitutions: Object.assign({}, ...targets.map((target) => target.substitutions)),
		webhooks: [BUILTIN.webhook, ...targets.map((target) => target.webhook)],
		// Measure webhook handling, not SQLite writing megabytes of run data per request.
		extraEnv: { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none', EXECUTIONS_DATA_SAVE_ON_ERROR: 'all' },
	});
	const comparisons = new Map<string, WebhookComparison[]>();
	try {
		for (const target of targets) {
			const list: WebhookComparison[] = [];
			for (const bytes of settings.sizes) {
				const ours = target.bodies(bytes);
				const builtinFire: Fire = { url: `${n8n.baseUrl}/webhook/${BUILTIN.webhook}`, ...ours };
				const oursFire: Fire = { url: `${n8n.baseUrl}/webhook/${target.webhook}`, ...ours };
				const runs: { builtin: autocannon.Result[]; ours: autocannon.Result[] } = { builtin: [], ours: [] };
				for (let round = 0; round < settings.rounds; round++) {
					// Alternate who goes first, so neither always gets the warmer n8n.
					const order = round % 2 === 0 ? (['builtin', 'ours'] as const) : (['ours', 'builtin'] as const);
					for (const which of order) {
						const target = which === 'builtin' ? builtinFire : oursFire;
						await fire(settings, target, settings.warmupSeconds);
						await settle();
						runs[which].push(await fire(settings, target, settings.durationSeconds));
						await settle();
					}
				}
				const comparison = {
					bytes,
					builtin: summarize(BUILTIN.label, bytes, runs.builtin),
					ours: summarize(target.label, bytes, runs.ours),
				};
				log(
					`  ${formatBytes(bytes).padStart(7)}  built-in ${comparison.builtin.requestsPerSecond.toFixed(1)} req/s, ` +
						`${target.label} ${comparison.ours.requestsPerSecond.toFixed(1)} req/s`,
				);
				list.push(comparison);
			}
			comparisons.set(target.label, list);
		}
		if (!n8n.isRunning()) throw new Error('n8n stopped during the benchmark');
		return comparisons;
	} finally {
		await n8n.stop();
	}
}

export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
	if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KiB`;
	return `${bytes} B`;
}
