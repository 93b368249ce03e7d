/**
 * `npm run bench`: prints figures and asserts nothing about time. Writes docs/benchmarks.md and
 * the README's Performance section, with the machine and versions the figures were taken on.
 * Run it as `npm run bench` (which gives Node --expose-gc, for the memory figures).
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { ensureN8nInstalled, REPO_ROOT } from '../../support/n8n.mjs';
import { agoraCatchUpTables, benchAgoraCatchUp } from './agoraCatchUp.mjs';
import { benchDecode, type DecodeResult } from './decode.mjs';
import { benchDedupe, gcAvailable, type DedupeCheckpoint } from './dedupe.mjs';
import { benchPlatforms } from './platforms.mjs';
import {
	benchWebhooks,
	formatBytes,
	type LoadResult,
	type LoadSettings,
	type SizeResults,
} from './webhook.mjs';

const SETTINGS: LoadSettings = {
	sizes: [1024, 64 * 1024, 1024 * 1024],
	connections: 8,
	durationSeconds: 4,
	warmupSeconds: 1,
	rounds: 2,
	configurations: [
		{ label: 'n8n defaults', env: {} },
		// n8n's previous expression engine: no isolate is taken for any webhook phase, so the
		// difference left between the nodes is their own code.
		{ label: 'N8N_EXPRESSION_ENGINE=legacy', env: { N8N_EXPRESSION_ENGINE: 'legacy' } },
	],
};

const README_START = '<!-- performance:start -->';
const README_END = '<!-- performance:end -->';

interface Environment {
	date: string;
	cpu: string;
	cores: number;
	memory: string;
	os: string;
	node: string;
	n8n: string;
	n8nNode: string;
	autocannon: string;
	packageVersion: string;
	/** The 1-minute load average before the run: other work on the machine skews the figures. */
	loadBefore: string;
}

async function environment(): Promise<Environment> {
	const install = await ensureN8nInstalled();
	const { stdout: n8nNode } = await promisify(execFile)(install.nodeBinary, ['--version']);
	const readVersion = async (file: string) => {
		const manifest: unknown = JSON.parse(await readFile(file, 'utf8'));
		return typeof manifest === 'object' && manifest !== null && 'version' in manifest
			? String(manifest.version)
			: '?';
	};
	return {
		date: new Date().toISOString().slice(0, 10),
		cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
		cores: os.availableParallelism(),
		memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
		os: `${os.type()} ${os.release()}`,
		node: process.version,
		n8n: install.version,
		n8nNode: n8nNode.trim(),
		autocannon: await readVersion(
			path.join(REPO_ROOT, 'node_modules', 'autocannon', 'package.json'),
		),
		packageVersion: await readVersion(path.join(REPO_ROOT, 'package.json')),
		loadBefore: os.loadavg()[0]?.toFixed(2) ?? '?',
	};
}

function percent(ratio: number): string {
	const change = (ratio - 1) * 100;
	return `${change >= 0 ? '+' : ''}${change.toFixed(1)} %`;
}

function webhookTable(sizes: SizeResults[]): string[] {
	const lines = [
		'| n8n configuration | body | target | req/s | p50 | p99 | ÷ Webhook v2 (req/s) | ÷ Webhook v1 (req/s) | failed requests |',
		'|---|---|---|---:|---:|---:|---:|---:|---:|',
	];
	for (const { configuration, bytes, results } of sizes) {
		const [v2, v1] = results;
		for (const result of results) {
			const ratio = (baseline: LoadResult | undefined) => {
				if (!baseline || baseline === result) return '';
				// A run in which no request completed has no rate to compare.
				if (baseline.requestsPerSecond === 0 || result.requestsPerSecond === 0) return 'n/a';
				const value = result.requestsPerSecond / baseline.requestsPerSecond;
				return `${value.toFixed(2)} (${percent(value)})`;
			};
			lines.push(
				`| ${configuration} | ${formatBytes(bytes)} | ${result.target} | ${result.requestsPerSecond.toFixed(1)} | ` +
					`${result.p50Ms.toFixed(0)} ms | ${result.p99Ms.toFixed(0)} ms | ${ratio(v2)} | ${ratio(v1)} | ${result.failures} |`,
			);
		}
	}
	return lines;
}

/** Why the run has two n8n configurations and two versions of n8n's Webhook node. */
const EXPLANATION = [
	'Why two configurations and two Webhook versions: with its default expression engine ("vm", isolated-vm, ' +
		'a pool of one isolate) n8n 2.41 takes an expression isolate for the webhook phase of every trigger node except ' +
		"its own Webhook node from version 2 on (`webhookPhaseNeedsIsolate` in n8n's `webhooks/live-webhooks.js`). " +
		"A community trigger cannot opt out of that; it pays what n8n's Webhook node v1 pays, so compare ours with v1 " +
		'for the defaults. With `N8N_EXPRESSION_ENGINE=legacy` n8n takes no isolate for any webhook phase, and what ' +
		'remains between ours and v2 is our own code: the secret check, decoding, dedupe and the static-data save.',
];

function ratioRange(
	sizes: SizeResults[],
	configuration: string,
	target: string,
	baselineIndex: number,
): string {
	const ratios = sizes
		.filter((size) => size.configuration === configuration)
		.flatMap((size) => {
			const baseline = size.results[baselineIndex];
			const ours = size.results.find((result) => result.target === target);
			return baseline && ours && baseline.requestsPerSecond > 0 && ours.requestsPerSecond > 0
				? [ours.requestsPerSecond / baseline.requestsPerSecond]
				: [];
		});
	if (ratios.length === 0) return 'n/a';
	return `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
}

/** One line per configuration and trigger: ours ÷ each Webhook version, over all body sizes. */
function ratioSummary(sizes: SizeResults[]): string[] {
	const configurations = [...new Set(sizes.map((size) => size.configuration))];
	const ours = [
		...new Set(sizes.flatMap((size) => size.results.slice(2).map((result) => result.target))),
	];
	return configurations.flatMap((configuration) =>
		ours.map(
			(target) =>
				`- ${configuration}: ${target} handles ${ratioRange(sizes, configuration, target, 0)} × the requests per second of ` +
				`n8n\'s Webhook node v2 and ${ratioRange(sizes, configuration, target, 1)} × those of v1 (1 KiB to 1 MiB bodies).`,
		),
	);
}

function decodeTable(results: DecodeResult[]): string[] {
	return [
		'| platform | case | body | µs per event |',
		'|---|---|---:|---:|',
		...results.map(
			(result) =>
				`| ${result.platform} | ${result.label} | ${formatBytes(result.bytes)} | ${result.microsPerEvent.toFixed(result.microsPerEvent < 100 ? 1 : 0)} |`,
		),
	];
}

function dedupeTable(checkpoints: DedupeCheckpoint[]): string[] {
	return [
		'| distinct deliveries | process memory (heap growth) | static data (JSON) | µs per delivery |',
		'|---:|---:|---:|---:|',
		...checkpoints.map(
			(checkpoint) =>
				`| ${checkpoint.deliveries.toLocaleString('en-US')} | ${formatBytes(checkpoint.heapBytes)} | ` +
				`${formatBytes(checkpoint.staticDataBytes)} | ${checkpoint.microsPerDelivery.toFixed(1)} |`,
		),
	];
}

function machineLine(env: Environment): string {
	const busy = Number(env.loadBefore) > env.cores;
	return (
		(busy
			? `**Taken on a busy machine (load average ${env.loadBefore} on ${env.cores} cores, from other work): the figures are ` +
				'noisy and not representative; re-run `npm run bench` on a quiet machine.** '
			: '') +
		`Taken ${env.date} on ${env.cpu}, ${env.cores} cores (nproc), ${env.memory} RAM, ${env.os}; ` +
		`n8n ${env.n8n} on Node ${env.n8nNode}, bench and decoding on Node ${env.node}, ` +
		`autocannon ${env.autocannon}, n8n-nodes-edu-events ${env.packageVersion}; load average ${env.loadBefore} when the run began.`
	);
}

async function updateReadme(section: string): Promise<void> {
	const file = path.join(REPO_ROOT, 'README.md');
	const text = await readFile(file, 'utf8');
	const start = text.indexOf(README_START);
	const end = text.indexOf(README_END);
	if (start === -1 || end === -1)
		throw new Error(`README.md lacks ${README_START} … ${README_END}`);
	await writeFile(
		file,
		`${text.slice(0, start + README_START.length)}\n${section}\n${text.slice(end)}`,
	);
}

async function main(): Promise<void> {
	const log = (line: string) => console.log(line);
	const env = await environment();
	log(machineLine(env));

	// First, while the heap holds the least, so its growth is the dedupe state's.
	log(
		`\nDedupe state after distinct deliveries${gcAvailable() ? '' : ' (no --expose-gc: heap figures are rough)'}:`,
	);
	const dedupe = benchDedupe();
	for (const line of dedupeTable(dedupe)) log(line);

	log('\nDecoding cost (no n8n):');
	const decode = benchDecode(benchPlatforms.flatMap((platform) => platform.decodeCases()));
	for (const line of decodeTable(decode)) log(line);

	log('\nAgora Classroom Trigger catch-up (against the local fake Agora server):');
	const agora = await benchAgoraCatchUp();
	const agoraTables = agoraCatchUpTables(agora);
	for (const line of agoraTables) log(line);

	log(
		`\nWebhook throughput: ${SETTINGS.connections} connections, ${SETTINGS.rounds} × ${SETTINGS.durationSeconds} s per target and size ` +
			`(after ${SETTINGS.warmupSeconds} s warm-up), alternating order, medians:`,
	);
	const targets = benchPlatforms.flatMap((platform) =>
		platform.webhook ? [platform.webhook] : [],
	);
	const sizes = await benchWebhooks(targets, SETTINGS, log);
	const webhook = webhookTable(sizes);
	for (const line of webhook) log(line);

	const document = [
		'# Benchmarks',
		'',
		"Written by `npm run bench` (scripts/bench); the README's Performance section is the same run.",
		'',
		machineLine(env),
		'',
		"## Webhook triggers against n8n's built-in Webhook node",
		'',
		"One n8n per configuration, one workflow per target holding the trigger alone. Targets: n8n's Webhook node " +
			'(v2 and v1, "Respond: Immediately") and each of our triggers. autocannon on the loopback interface, ' +
			`${SETTINGS.connections} connections, ${SETTINGS.rounds} rounds of ${SETTINGS.durationSeconds} s per target and body size ` +
			`after a ${SETTINGS.warmupSeconds} s warm-up of each, the order reversed every other round; figures are the medians of the rounds. ` +
			'All targets get the same bodies (a realistic callback grown to the size, a new event id each), so every ' +
			'request starts an execution. Successful executions are not saved (`EXECUTIONS_DATA_SAVE_ON_SUCCESS=none`), ' +
			"so the figures are about webhook handling, not SQLite. Load generator and n8n share the machine's cores.",
		'',
		...EXPLANATION,
		'',
		...ratioSummary(sizes),
		'',
		...webhook,
		'',
		'## Decoding cost per event',
		'',
		'Our own code only, without n8n: reading the body (JSON.parse included), checking its shape, building the ' +
			'output item; for unreadable bodies, finding the key and redacting it from the raw body.',
		'',
		...decodeTable(decode),
		'',
		'## Dedupe state',
		'',
		"100 000 distinct deliveries to one trigger with the Qingsuyun Trigger's settings (last 1 000 ids, 24 hours), " +
			'through `nodes/shared/dedupe.ts`. Process memory is the V8 heap growth after a full garbage collection ' +
			'(the in-process map and the static-data object together); static data is what n8n stores with the workflow, as JSON.',
		'',
		...dedupeTable(dedupe),
		'',
		'## Agora Classroom Trigger: catching up',
		'',
		'N new events in one watched classroom between two polls; the next poll of the trigger (its real `poll()`, ' +
			"with a stand-in for n8n's poll context) against the local fake Agora server, which lists at most 100 events " +
			'per page like Agora. The floor is ⌈N/100⌉ requests per source. Time is our code plus the fake on loopback; ' +
			"against Agora add its round trip per request. Cursor state is what the trigger keeps in the workflow's static data.",
		'',
		...agoraTables,
		'',
	].join('\n');
	await mkdir(path.join(REPO_ROOT, 'docs'), { recursive: true });
	await writeFile(path.join(REPO_ROOT, 'docs', 'benchmarks.md'), document);
	await mkdir(path.join(REPO_ROOT, 'bench-results'), { recursive: true });
	await writeFile(
		path.join(REPO_ROOT, 'bench-results', 'latest.json'),
		JSON.stringify({ env, settings: SETTINGS, decode, dedupe, agora, webhook: sizes }, null, 2),
	);

	const largestDedupe = dedupe[dedupe.length - 1];
	const tenThousand = dedupe.find((checkpoint) => checkpoint.deliveries === 10_000);
	const bounded =
		largestDedupe !== undefined &&
		tenThousand !== undefined &&
		largestDedupe.staticDataBytes === tenThousand.staticDataBytes &&
		largestDedupe.heapBytes < tenThousand.heapBytes * 1.5 + 64 * 1024;
	await updateReadme(
		[
			machineLine(env),
			'',
			...ratioSummary(sizes),
			'',
			...webhook,
			'',
			...EXPLANATION,
			'',
			`Decoding one documented Qingsuyun callback takes ${decode.find((result) => result.platform === 'qingsuyun')?.microsPerEvent.toFixed(1)} µs; ` +
				'all cases, and how the figures are taken, are in [docs/benchmarks.md](docs/benchmarks.md). ' +
				(largestDedupe
					? `After ${largestDedupe.deliveries.toLocaleString('en-US')} distinct deliveries the dedupe state of one trigger ` +
						`takes ${formatBytes(largestDedupe.heapBytes)} of process memory (static data included) and ` +
						`${formatBytes(largestDedupe.staticDataBytes)} of static data` +
						(bounded
							? ', about what it took after 10 000: it stays bounded.'
							: ', more than after 10 000: it is still growing.')
					: ''),
			'',
			'Agora Classroom Trigger catching up N new events in one poll (fake Agora on loopback, floor ⌈N/100⌉ requests):',
			'',
			...agoraTables,
		].join('\n'),
	);
	log('\nWrote docs/benchmarks.md, bench-results/latest.json and the README Performance section.');
}

// Ctrl-C or a kill must still stop the n8n the run started (the harness does that on exit).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
