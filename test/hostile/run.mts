/**
 * Sends one platform's hostile corpus to a running n8n, waits until every execution it started
 * has finished, and reads back what n8n recorded.
 */
import { PollTimeoutError, pollUntil, sleep } from '../../support/process.mjs';
import type { RunningN8n } from '../../support/startN8n.mjs';
import { analyse, formatReport, type HostileReport, type ObservedN8n } from './analyse.mjs';
import { startsExecution } from './expectation.mjs';
import { sendCorpus } from './send.mjs';
import type { HostilePlatform, HostileReply, HostileRequest } from './types.mjs';

const CONCURRENCY = 6;
const SETTLE_TIMEOUT_MS = 120_000;
/** After the expected executions are in, how long to keep watching for unexpected ones. */
const QUIET_PERIOD_MS = 2_000;

async function observe(
	n8n: RunningN8n,
	platform: HostilePlatform,
): Promise<ObservedN8n['executions']> {
	const all = await Promise.all(
		platform.fixtures.workflowIds.map((id) => n8n.executionRecords(id)),
	);
	return all.flat();
}

function expectedExecutions(
	corpus: readonly HostileRequest[],
	replies: ReadonlyMap<HostileRequest, HostileReply>,
): number {
	return corpus.filter((request) => {
		const reply = replies.get(request);
		return reply !== undefined && startsExecution(request.expect);
	}).length;
}

/**
 * Waits until n8n has recorded at least the expected executions and none is still running. A
 * timeout only ends the wait: the analysis then names what is missing or still running.
 */
async function settle(
	n8n: RunningN8n,
	platform: HostilePlatform,
	expected: number,
): Promise<ObservedN8n['executions']> {
	let recorded = 0;
	await pollUntil(
		async () => {
			const executions = await observe(n8n, platform);
			recorded = executions.length;
			return (
				executions.length >= expected &&
				executions.every((execution) => !['new', 'running', 'waiting'].includes(execution.status))
			);
		},
		{
			timeout: SETTLE_TIMEOUT_MS,
			interval: 500,
			describe: () => `${expected} finished ${platform.name} executions (${recorded} recorded)`,
		},
	).catch((error: unknown) => {
		if (!(error instanceof PollTimeoutError)) throw error;
		console.warn(error);
	});
	await sleep(QUIET_PERIOD_MS);
	return await observe(n8n, platform);
}

export interface HostileRun {
	corpus: HostileRequest[];
	report: HostileReport;
	printed: string;
}

export async function runHostile(n8n: RunningN8n, platform: HostilePlatform): Promise<HostileRun> {
	const corpus = platform.buildCorpus();
	const started = Date.now();
	const replies = await sendCorpus(n8n.baseUrl, corpus, CONCURRENCY);
	const sentInMs = Date.now() - started;
	const executions = await settle(n8n, platform, expectedExecutions(corpus, replies));
	let healthy = n8n.isRunning();
	try {
		healthy = healthy && (await fetch(`${n8n.baseUrl}/healthz`)).status === 200;
	} catch {
		healthy = false;
	}
	const report = analyse(platform, corpus, replies, { healthy, executions, log: n8n.log() });
	const printed = `${formatReport(report, corpus)}\n  corpus sent in ${(sentInMs / 1000).toFixed(1)} s`;
	return { corpus, report, printed };
}
