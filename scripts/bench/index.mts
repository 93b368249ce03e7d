/**
 * `npm run bench`: prints figures and asserts nothing about time. Writes its figures into
 * docs/benchmarks.md (between the bench markers), with the machine and versions they were taken on.
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
import { markdownTable } from './markdownTable.mjs';
import { benchPlatforms } from './platforms.mjs';
import { QUICK_RUN, SETTINGS } from './settings.mjs';
import { formatBytes } from './stats.mjs';
import { benchWebhooks } from './webhook.mjs';
import { tuningFigures, webhookSummary, webhookTable } from './webhookTable.mjs';

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

function decodeTable(results: DecodeResult[]): string[] {
	return markdownTable(['platform', 'case', 'body', 'µs per event'], 'llrr', results, (result) => [
		result.platform,
		result.label,
		formatBytes(result.bytes),
		result.microsPerEvent.toFixed(result.microsPerEvent < 100 ? 1 : 0),
	]);
}

function dedupeTable(checkpoints: DedupeCheckpoint[]): string[] {
	return markdownTable(
		[
			'distinct deliveries',
			'process memory (heap growth)',
			'static data (JSON)',
			'µs per delivery',
		],
		'rrrr',
		checkpoints,
		(checkpoint) => [
			checkpoint.deliveries.toLocaleString('en-US'),
			formatBytes(checkpoint.heapBytes),
			formatBytes(checkpoint.staticDataBytes),
			checkpoint.microsPerDelivery.toFixed(1),
		],
	);
}

interface RunTiming {
	/** Wall time of the webhook comparison, and of the whole bench. */
	webhookSeconds: number;
	totalSeconds: number;
	/** The 1-minute load average when the bench ended. */
	loadAfter: string;
}

function machineLine(env: Environment, timing: RunTiming): string {
	const busy = Number(env.loadBefore) > env.cores;
	return (
		(QUICK_RUN
			? '**A quick smoke run (BENCH_QUICK=1): one size, one concurrency, one short round; not figures to quote.** '
			: '') +
		(busy
			? `**Taken on a busy machine (load average ${env.loadBefore} on ${env.cores} cores, from other work): the figures are ` +
				'noisy; re-run `npm run bench` on a quiet machine.** '
			: '') +
		`Taken ${env.date} on ${env.cpu}, ${env.cores} cores (nproc), ${env.memory} RAM, ${env.os}; ` +
		`n8n ${env.n8n} on Node ${env.n8nNode}, bench and decoding on Node ${env.node}, ` +
		`autocannon ${env.autocannon}, n8n-nodes-edu-events ${env.packageVersion}; 1-minute load average ${env.loadBefore} when the run began ` +
		`and ${timing.loadAfter} when it ended (each webhook row also shows the median load over its rounds); ` +
		`the run took ${(timing.totalSeconds / 60).toFixed(1)} min, the webhook comparison ${(timing.webhookSeconds / 60).toFixed(1)} min.`
	);
}

const BENCH_START = '<!-- bench:start -->';
const BENCH_END = '<!-- bench:end -->';

/**
 * Writes the generated figures between the bench markers of docs/benchmarks.md, keeping the
 * hand-written text around them; a page without the markers gets them around the figures.
 */
async function writeBenchmarks(figures: string): Promise<void> {
	const file = path.join(REPO_ROOT, 'docs', 'benchmarks.md');
	const current = await readFile(file, 'utf8').catch(() => '# Benchmarks\n\n');
	const start = current.indexOf(BENCH_START);
	const end = current.indexOf(BENCH_END);
	const text =
		start === -1 || end === -1
			? `${current.trimEnd()}\n\n${BENCH_START}\n${figures}\n${BENCH_END}\n`
			: `${current.slice(0, start + BENCH_START.length)}\n${figures}\n${current.slice(end)}`;
	await writeFile(file, text);
}

/** How the webhook comparison is made, for docs/benchmarks.md. */
function webhookMethod(): string[] {
	const sizes = SETTINGS.sizes.map(formatBytes).join(', ');
	return [
		"One n8n per setting, one workflow per target holding the trigger alone, all in that n8n. Targets: n8n's Webhook node " +
			'(v2 and v1, "Respond: Immediately"; the floor version also with Header Auth) and each of our triggers. autocannon on the loopback interface; ' +
			`${sizes} bodies, ${SETTINGS.concurrencies.join(' and ')} connections, ${SETTINGS.rounds} rounds per target, ` +
			`each a fixed number of requests (the target's last rate × ${SETTINGS.durationSeconds} s, so that every reply is waited for), ` +
			'the targets interleaved and their order reversed every other round, after a warm-up of each; figures are the medians of the rounds. ' +
			'Every request carries a distinct event (Qingsuyun its own `uuid`, Teachbase its own body, which is its dedupe key, ' +
			"Gensee its own asker uid; the built-in nodes get Qingsuyun's bodies), except the row marked as the repeat path.",
		'',
		'**Replies per second** count 2xx answers. **Executions per second** count the executions n8n recorded ' +
			'(its execution table, saved as by default) that finished successfully, over the time from the start of the round ' +
			'to when the last of them finished; after each round the bench waits, at most 30 s, until every execution has ' +
			'finished and there are at least as many as 2xx replies. Our triggers, like the Webhook node in "Respond: Immediately" ' +
			'mode, are answered by n8n only once it has stored the execution (n8n 2.x defers that reply until then), so a reply ' +
			'promises a stored event and replies per second cannot run ahead of the executions n8n takes on. Executions per ' +
			'second, counted when they finish, remain the like-for-like figure.',
		'',
		"**Floors.** At n8n's defaults (the `vm` expression engine) n8n takes an expression isolate for the webhook phase of " +
			"every trigger except its own Webhook node from version 2 on (`webhookPhaseNeedsIsolate` in n8n's `webhooks/live-webhooks.js`): " +
			'a community trigger cannot avoid it, and pays what the Webhook node v1 pays, so v1 is the floor there and the v2 row ' +
			'shows the gate. With `N8N_EXPRESSION_ENGINE=legacy` no webhook phase takes an isolate and v2 is the floor. With ' +
			'`N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true` the isolate is taken only when an expression reaches the engine, and one ' +
			'still does for every node at version 1: n8n evaluates `$parameter["options"]["binaryData"]` for it on every request ' +
			"(`parseRequestBody` in n8n's `webhooks/webhook-helpers.js`), so v1 stays the floor.",
		'',
		'**Floor with Header Auth.** Each of our triggers checks a credential on every request (a secret, a token), ' +
			'and n8n resolves a credential in the webhook phase outside any execution (`_getRunlessCredentials` in n8n-core), ' +
			"which at n8n's defaults takes an expression isolate of its own. The Webhook node with Header Auth pays the same, " +
			'so the floor version with Header Auth is the like-for-like floor for our triggers; the plain floor is the node with nothing to check.',
	];
}

async function main(): Promise<void> {
	const startedAt = Date.now();
	const log = (line: string) => console.log(line);
	const env = await environment();
	log(`Load average ${env.loadBefore} at the start${QUICK_RUN ? ' (BENCH_QUICK=1)' : ''}.`);

	// First, while the heap holds the least, so its growth is the dedupe state's.
	log(
		`\nDedupe state after distinct deliveries${gcAvailable() ? '' : ' (no --expose-gc: heap figures are rough)'}:`,
	);
	const dedupe = await benchDedupe();
	for (const line of dedupeTable(dedupe)) log(line);

	log('\nDecoding cost (no n8n):');
	const decode = benchDecode(benchPlatforms.flatMap((platform) => platform.decodeCases()));
	for (const line of decodeTable(decode)) log(line);

	log('\nAgora Classroom Trigger catch-up (against the local fake Agora server):');
	const agora = await benchAgoraCatchUp();
	const agoraTables = agoraCatchUpTables(agora);
	for (const line of agoraTables) log(line);

	log('\nWebhook throughput (medians of interleaved rounds):');
	const targets = benchPlatforms.flatMap((platform) =>
		platform.webhook ? [platform.webhook] : [],
	);
	const webhookStartedAt = Date.now();
	const webhook = await benchWebhooks(targets, SETTINGS, log);
	const timing: RunTiming = {
		webhookSeconds: (Date.now() - webhookStartedAt) / 1000,
		totalSeconds: (Date.now() - startedAt) / 1000,
		loadAfter: os.loadavg()[0]?.toFixed(2) ?? '?',
	};
	const table = webhookTable(webhook);
	const summary = webhookSummary(webhook);
	const tuning = tuningFigures(webhook);
	for (const line of [...table, '', ...summary, '', ...tuning, '', machineLine(env, timing)])
		log(line);

	const document = [
		machineLine(env, timing),
		'',
		"## Webhook triggers against n8n's built-in Webhook node",
		'',
		...webhookMethod(),
		'',
		...summary,
		'',
		...tuning,
		'',
		...table,
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
	await writeBenchmarks(document);
	await mkdir(path.join(REPO_ROOT, 'bench-results'), { recursive: true });
	await writeFile(
		path.join(REPO_ROOT, 'bench-results', 'latest.json'),
		JSON.stringify({ env, timing, settings: SETTINGS, decode, dedupe, agora, webhook }, null, 2),
	);

	log(
		'\nWrote docs/benchmarks.md (between its bench markers) and bench-results/latest.json. The README summarises them by hand: update its Performance and Tuning figures if they moved.',
	);
}

// Ctrl-C or a kill must still stop the n8n the run started (the harness does that on exit).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
