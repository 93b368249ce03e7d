/**
 * Our webhook triggers side by side with n8n's built-in Webhook node (respond immediately) in one
 * n8n per configuration, under the same load from autocannon on the loopback interface, rounds
 * interleaved. Each trigger is compared with its floor: the Webhook node version that pays what a
 * community trigger pays in that configuration.
 */
import { startN8n, type RunningN8n } from '../../support/startN8n.mjs';
import { measureRun, type Fire, type RunFigures } from './load.mjs';
import { median } from './stats.mjs';
import type { WebhookBenchTarget } from './types.mjs';

const BUILTIN_WORKFLOWS = 'bench.builtin.workflows.json';
const BUILTIN_CREDENTIALS = 'bench.builtin.credentials.json';
/** The Header Auth credential of the built-in nodes that check one: header and value. */
const HEADER_AUTH = { name: 'x-bench-key', value: 'bench-header-key-0001' } as const;
/** The most requests one run sends, however fast the target answered before. */
const MAX_REQUESTS = 600;

/**
 * n8n's own Webhook node: version 2 is the one node n8n 2.x lets skip the expression isolate for
 * the webhook phase; version 1 takes one, like every community trigger. Each also with Header
 * Auth, which reads a credential on every request as our triggers do; only the configuration's
 * floor version is measured that way.
 */
const BUILTINS = [
	{
		version: 'v2',
		headerAuth: false,
		label: "n8n's Webhook node v2",
		webhook: 'bench-builtin',
		workflowId: 'benchBuiltinHook',
	},
	{
		version: 'v1',
		headerAuth: false,
		label: "n8n's Webhook node v1",
		webhook: 'bench-builtin-v1',
		workflowId: 'benchBuiltinV1Hk',
	},
	{
		version: 'v2',
		headerAuth: true,
		label: "n8n's Webhook node v2 with Header Auth",
		webhook: 'bench-builtin-auth',
		workflowId: 'benchBuiltinV2Au',
	},
	{
		version: 'v1',
		headerAuth: true,
		label: "n8n's Webhook node v1 with Header Auth",
		webhook: 'bench-builtin-v1-auth',
		workflowId: 'benchBuiltinV1Au',
	},
] as const;

export type Floor = (typeof BUILTINS)[number]['version'];
/** `authFloor`: the floor version with Header Auth, the floor for a trigger that checks a credential. */
export type TargetKind = Floor | 'authFloor' | 'ours' | 'repeat';

export interface N8nConfiguration {
	label: string;
	env: Record<string, string>;
	/** The Webhook node version a community trigger is compared with in this configuration. */
	floor: Floor;
	/** Body sizes for this configuration, when fewer than the settings' sizes. */
	sizes?: number[];
}

export interface LoadSettings {
	sizes: number[];
	concurrencies: number[];
	/** About how long one run lasts: its request count is the target's last rate × this. */
	durationSeconds: number;
	rounds: number;
	configurations: N8nConfiguration[];
	/** Where the one Teachbase repeat-path row is measured. */
	repeatPath: { bytes: number; concurrency: number };
}

/**
 * One target at one size and concurrency in one configuration: rates, latencies and load are
 * medians over the rounds, counts are sums.
 */
export interface LoadResult extends Omit<RunFigures, 'settled' | 'lastExecutionId'> {
	configuration: string;
	floor: Floor;
	bytes: number;
	concurrency: number;
	target: string;
	kind: TargetKind;
	/** Rounds whose executions had not all finished when the bounded wait ran out. */
	unsettledRounds: number;
}

interface BenchFire extends Fire {
	kind: TargetKind;
}

function summarize(
	configuration: N8nConfiguration,
	bytes: number,
	concurrency: number,
	fire: BenchFire,
	runs: RunFigures[],
): LoadResult {
	const sum = (pick: (run: RunFigures) => number) =>
		runs.reduce((total, run) => total + pick(run), 0);
	return {
		configuration: configuration.label,
		floor: configuration.floor,
		bytes,
		concurrency,
		target: fire.label,
		kind: fire.kind,
		repliesPerSecond: median(runs.map((run) => run.repliesPerSecond)),
		executionsPerSecond: median(runs.map((run) => run.executionsPerSecond)),
		p50Ms: median(runs.map((run) => run.p50Ms)),
		p99Ms: median(runs.map((run) => run.p99Ms)),
		replies: sum((run) => run.replies),
		executions: sum((run) => run.executions),
		failures: sum((run) => run.failures),
		unsettledRounds: runs.filter((run) => !run.settled).length,
		load: median(runs.map((run) => run.load)),
	};
}

function firesFor(
	n8n: RunningN8n,
	targets: readonly WebhookBenchTarget[],
	floor: Floor,
	bytes: number,
	withRepeatPath: boolean,
): BenchFire[] {
	const url = (webhook: string) => `${n8n.baseUrl}/webhook/${webhook}`;
	// The built-in nodes get the first trigger's events: a realistic body, a new id each.
	const builtinBodies = targets[0]?.bodies;
	const fires: BenchFire[] = [
		...BUILTINS.filter((builtin) => !builtin.headerAuth || builtin.version === floor).map(
			(builtin) => ({
				label: builtin.label,
				kind: builtin.headerAuth ? ('authFloor' as const) : builtin.version,
				url: url(builtin.webhook),
				workflowId: builtin.workflowId,
				startsExecutions: true,
				...(builtin.headerAuth ? { headers: { [HEADER_AUTH.name]: HEADER_AUTH.value } } : {}),
				...(builtinBodies?.(bytes) ?? { contentType: 'application/json', next: () => '{}' }),
			}),
		),
		...targets.map((target) => ({
			label: target.label,
			kind: 'ours' as const,
			url: url(target.webhook),
			workflowId: target.workflowId,
			startsExecutions: true,
			...target.bodies(bytes),
		})),
	];
	if (!withRepeatPath) return fires;
	return [
		...fires,
		...targets.flatMap((target) => {
			if (!target.repeatPath) return [];
			const { contentType, next } = target.bodies(bytes);
			const body = next();
			return [
				{
					label: `${target.label}, repeat path (the same body every time: answered as a retry, no execution)`,
					kind: 'repeat' as const,
					url: url(target.webhook),
					workflowId: target.workflowId,
					startsExecutions: false,
					contentType,
					next: () => body,
				},
			];
		}),
	];
}

async function benchConfiguration(
	targets: readonly WebhookBenchTarget[],
	settings: LoadSettings,
	configuration: N8nConfiguration,
	log: (line: string) => void,
): Promise<LoadResult[]> {
	const n8n = await startN8n({
		credentials: [BUILTIN_CREDENTIALS, ...new Set(targets.flatMap((target) => target.credentials))],
		workflows: [BUILTIN_WORKFLOWS, ...new Set(targets.flatMap((target) => target.workflows))],
		substitutions: Object.assign(
			{ BENCH_HEADER_KEY: HEADER_AUTH.value },
			...targets.map((target) => target.substitutions),
		),
		webhooks: [
			...BUILTINS.map((builtin) => builtin.webhook),
			...targets.map((target) => target.webhook),
		],
		extraEnv: {
			// n8n's default: every execution is saved, which is what lets the bench count them.
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			// Pruning would delete records the bench still has to count.
			EXECUTIONS_DATA_PRUNE: 'false',
			...configuration.env,
		},
	});
	const cursors = new Map<string, number>();
	// Each target's last reply rate sizes its next run to about `durationSeconds`.
	const rates = new Map<string, number>();
	const run = async (fire: BenchFire, concurrency: number, seconds: number) => {
		const rate = rates.get(fire.label) ?? 10;
		const requests = Math.min(MAX_REQUESTS, Math.max(concurrency, 8, Math.round(rate * seconds)));
		const figures = await measureRun(
			n8n,
			fire,
			concurrency,
			requests,
			cursors.get(fire.workflowId) ?? 0,
		);
		cursors.set(fire.workflowId, figures.lastExecutionId);
		if (figures.repliesPerSecond > 0) rates.set(fire.label, figures.repliesPerSecond);
		return figures;
	};
	try {
		const all: LoadResult[] = [];
		// A warm-up of every target first: n8n compiles and caches per workflow on first use.
		for (const fire of firesFor(n8n, targets, configuration.floor, 1024, false))
			await run(fire, 4, 1);
		for (const bytes of configuration.sizes ?? settings.sizes) {
			for (const concurrency of settings.concurrencies) {
				const repeat =
					bytes === settings.repeatPath.bytes && concurrency === settings.repeatPath.concurrency;
				const fires = firesFor(n8n, targets, configuration.floor, bytes, repeat);
				const runs = new Map<BenchFire, RunFigures[]>(fires.map((fire) => [fire, []]));
				// Short rounds, the order reversed every other one: load from elsewhere on the machine
				// then falls on every target alike instead of on whoever ran during it.
				for (let round = 0; round < settings.rounds; round++) {
					for (const fire of round % 2 === 0 ? fires : [...fires].reverse()) {
						runs.get(fire)?.push(await run(fire, concurrency, settings.durationSeconds));
					}
				}
				const results = fires.map((fire) =>
					summarize(configuration, bytes, concurrency, fire, runs.get(fire) ?? []),
				);
				log(
					`  ${configuration.label}, ${bytes} B, concurrency ${concurrency}: ` +
						results
							.map(
								(result) =>
									`${result.target.split(',')[0]}${result.kind === 'repeat' ? ' (repeat)' : ''} ` +
									`${result.repliesPerSecond.toFixed(1)} replies/s ${result.executionsPerSecond.toFixed(1)} exec/s`,
							)
							.join('; '),
				);
				all.push(...results);
			}
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
): Promise<LoadResult[]> {
	const all: LoadResult[] = [];
	for (const configuration of settings.configurations) {
		all.push(...(await benchConfiguration(targets, settings, configuration, log)));
	}
	return all;
}
