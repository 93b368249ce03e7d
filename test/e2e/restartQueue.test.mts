/**
 * The acknowledgement promise in queue mode: distinct events stream to the webhook processor, six
 * at a time per target, while it is stopped (SIGTERM), killed (SIGKILL), or while Redis is gone
 * for a few seconds. Every event that got its platform's success reply must have an execution in
 * PostgreSQL, and (it was queued) a worker must run it to the end.
 *
 * n8n 1.x sends its replies before it stores and queues the execution: there the suite prints
 * the tables and asserts only what the README documents for 1.x.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { n8nVersion } from '../../support/n8n.mjs';
import { pollUntil, sleep } from '../../support/process.mjs';
import { startQueueN8n, type QueueN8n } from './harness/queue.mjs';
import {
	executionsPerMarker,
	formatTallies,
	LoadStreams,
	MarkerSource,
	RESTART_N8N,
	RESTART_TARGETS,
	tally,
	type TargetTally,
} from './harness/restartLoad.mjs';

const CONCURRENCY = 6;
const ACKNOWLEDGED_BEFORE_FAULT = 120;
/** Shorter than n8n's QUEUE_BULL_REDIS_TIMEOUT_THRESHOLD (10 s), after which n8n gives up and exits. */
const REDIS_DOWN_MS = 4_000;

const isN8n1 = n8nVersion().startsWith('1.');

let n8n: QueueN8n;

beforeAll(async () => {
	n8n = await startQueueN8n({
		...RESTART_N8N,
		// A queue that forgets jobs on a restart loses them whoever acknowledged them.
		persistentRedis: true,
	});
});

afterAll(async () => {
	await n8n?.stop();
});

type Fault = 'SIGTERM' | 'SIGKILL' | 'Redis down';

interface Round {
	tallies: TargetTally[];
	/** Acknowledged markers whose execution has not finished successfully (yet). */
	unfinished(): Promise<string[]>;
}

async function faultUnderLoad(fault: Fault): Promise<Round> {
	const markers = new MarkerSource();
	const streams = new LoadStreams(
		() => n8n.webhookProcessorUrl,
		RESTART_TARGETS,
		markers,
		CONCURRENCY,
	);
	await pollUntil(() => streams.acknowledgedCount() >= ACKNOWLEDGED_BEFORE_FAULT, {
		timeout: 120_000,
		describe: `${ACKNOWLEDGED_BEFORE_FAULT} acknowledged events before the fault`,
	});
	if (fault === 'Redis down') {
		await n8n.interruptRedis(REDIS_DOWN_MS);
		// Let the stream run on a while once Redis is back.
		await sleep(5_000);
		await streams.stop();
	} else {
		await n8n.signalWebhookProcessor(fault);
		await streams.stop();
		await n8n.startWebhookProcessor();
	}

	const records = async (workflowId: string) =>
		await n8n.executionMarkers(workflowId, markers.pattern);
	const tallies: TargetTally[] = [];
	for (const target of RESTART_TARGETS) {
		const counts = executionsPerMarker(await records(target.workflowId), markers);
		tallies.push(tally(target, streams.outcomes.get(target) ?? [], counts));
	}
	console.log(
		formatTallies(
			`n8n ${n8nVersion()} queue mode, ${fault === 'Redis down' ? `Redis down for ${REDIS_DOWN_MS / 1000} s` : `${fault} to the webhook processor`} after ${ACKNOWLEDGED_BEFORE_FAULT} acknowledged events, ${CONCURRENCY} at a time per target`,
			tallies,
		),
	);
	return {
		tallies,
		async unfinished() {
			const missing: string[] = [];
			for (const target of RESTART_TARGETS) {
				const finished = new Set(
					(await records(target.workflowId))
						.filter((record) => record.status === 'success')
						.flatMap((record) => markers.find(record.data)),
				);
				for (const outcome of streams.outcomes.get(target) ?? [])
					if (outcome.acknowledged && !finished.has(outcome.marker)) missing.push(outcome.marker);
			}
			return missing;
		},
	};
}

describe(`restart under load in queue mode (n8n ${n8nVersion()}, PostgreSQL, Redis)`, () => {
	for (const fault of ['SIGTERM', 'SIGKILL', 'Redis down'] as const) {
		it(
			`after ${fault === 'Redis down' ? 'a Redis outage' : `a ${fault} to the webhook processor`}, every acknowledged event was stored and runs`,
			{ timeout: 400_000 },
			async () => {
				const round = await faultUnderLoad(fault);
				for (const row of round.tallies) expect(row.acknowledged, row.target).toBeGreaterThan(0);
				if (isN8n1) return;
				expect(round.tallies.map((row) => [row.target, row.lostMarkers])).toEqual(
					round.tallies.map((row) => [row.target, []]),
				);
				// Queued means run: the workers finish every acknowledged event.
				let unfinished: string[] = [];
				await pollUntil(
					async () => {
						unfinished = await round.unfinished();
						return unfinished.length === 0;
					},
					{
						timeout: 180_000,
						interval: 1_000,
						describe: () => `the workers to finish ${unfinished.join(', ')}`,
					},
				);
				expect(unfinished).toEqual([]);
			},
		);
	}
});
