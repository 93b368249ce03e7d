/**
 * Our webhook triggers side by side with n8n's built-in Webhook node (respond immediately) in one
 * n8n, under the same load from autocannon on the loopback interface.
 */
import autocannon from 'autocannon';

import { startN8n } from '../../support/startN8n.mjs';
import type { WebhookBenchTarget } from './types.mjs';

const BUILTIN_WORKFLOWS = 'bench.builtin.workflows.json';

/**
 * n8n's own Webhook node, twice: version 2 is the one node n8n 2.x lets skip taking an expression
 * isolate for the webhook phase; version 1 takes one, like every other trigger node.
 */
const BASELINES = [
	{ label: "n8n's Webhook node v2", webhook: 'bench-builtin' },
	{ label: "n8n's Webhook node v1", webhook: 'bench-builtin-v1' },
];

export interface N8nConfiguration {
	label: string;
	env: Record<string, string>;
}

export interface LoadSettings {
	sizes: number[];
	connections: number;
	durationSeconds: number;
	warmupSeconds: number;
	rounds: number;
	configurations: N8nConfiguration[];
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

/** One body size in one n8n configuration: the baselines first, then our triggers. */
export interface SizeResults {
	configuration: string;
	bytes: number;
	results: LoadResult[];
}

interface Fire {
	label: string;
	url: string;
	contentType: string;
	next(): string;
}

async function fire(
	settings: LoadSettings,
	target: Fire,
	seconds: number,
): Promise<autocannon.Result> {
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

/** The median resists a round that other work on the machine slowed down. */
function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1
		? (sorted[middle] ?? 0)
		: ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function summarize(label: string, bytes: number, results: autocannon.Result[]): LoadResult {
	return {
		target: label,
		bytes,
		requestsPerSecond: median(results.map((result) => result.requests.total / result.duration)),
		p50Ms: median(results.map((result) => result.latency.p50)),
		p99Ms: median(results.map((result) => result.latency.p99)),
		failures: results.reduce(
			(sum, result) => sum + result.non2xx + result.errors + result.timeouts,
			0,
		),
		requests: results.reduce((sum, result) => sum + result.requests.total, 0),
	};
}

/**
 * Lets the executions a run started finish before the next run. n8n leaves unsaved executions
 * marked "running" in its database, so there is nothing to poll; a workflow holding a trigger
 * alone finishes within milliseconds.
 */
async function settle(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, 500));
}

async function benchConfiguration(
	targets: readonly WebhookBenchTarget[],
	settings: LoadSettings,
	configuration: N8nConfiguration,
	log: (line: string) => void,
): Promise<SizeResults[]> {
	const n8n = await startN8n({
		credentials: [...new Set(targets.flatMap((target) => target.credentials))],
		workflows: [BUILTIN_WORKFLOWS, ...new Set(targets.flatMap((target) => target.workflows))],
		substitutions: Object.assign({}, ...targets.map((target) => target.substitutions)),
		webhooks: [
			...BASELINES.map((baseline) => baseline.webhook),
			...targets.map((target) => target.webhook),
		],
		extraEnv: {
			// Measure webhook handling, not SQLite writing megabytes of run data per request.
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			...configuration.env,
		},
	});
	try {
		const all: SizeResults[] = [];
		for (const bytes of settings.sizes) {
			// Every target gets bodies from the same generator: each trigger's own valid events.
			const fires: Fire[] = [
				...BASELINES.map((baseline) => ({
					label: baseline.label,
					url: `${n8n.baseUrl}/webhook/${baseline.webhook}`,
					...(targets[0]?.bodies(bytes) ?? { contentType: 'application/json', next: () => '{}' }),
				})),
				...targets.map((target) => ({
					label: target.label,
					url: `${n8n.baseUrl}/webhook/${target.webhook}`,
					...target.bodies(bytes),
				})),
			];
			const runs = new Map<string, autocannon.Result[]>(fires.map((target) => [target.label, []]));
			for (const target of fires) {
				await fire(settings, target, settings.warmupSeconds);
				await settle();
			}
			// Many short rounds, the order reversed every other one: load from elsewhere on the
			// machine then falls on every target alike instead of on whoever ran during it.
			for (let round = 0; round < settings.rounds; round++) {
				const order = round % 2 === 0 ? fires : [...fires].reverse();
				for (const target of order) {
					runs.get(target.label)?.push(await fire(settings, target, settings.durationSeconds));
					await settle();
				}
			}
			const results = fires.map((target) =>
				summarize(target.label, bytes, runs.get(target.label) ?? []),
			);
			log(
				`  ${configuration.label}, ${formatBytes(bytes)}: ` +
					results
						.map((result) => `${result.target} ${result.requestsPerSecond.toFixed(1)} req/s`)
						.join(', '),
			);
			all.push({ configuration: configuration.label, bytes, results });
		}
		if (!n8n.isRunning()) throw new Error('n8n stopped during the benchmark');
		return all;
	} finally {
		await n8n.stop();
	}
}

export async function benchWebhooks(
	targets: readonly WebhookBenchTarget[],
	settings: LoadSettings,
	log: (line: string) => void,
): Promise<SizeResults[]> {
	const all: SizeResults[] = [];
	for (const configuration of settings.configurations) {
		all.push(...(await benchConfiguration(targets, settings, configuration, log)));
	}
	return all;
}

export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024)
		return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
	if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KiB`;
	return `${bytes} B`;
}
