/**
 * One measured run: autocannon against one webhook, then the executions it started, counted from
 * n8n's own execution records once they have all finished.
 */
import autocannon from 'autocannon';
import os from 'node:os';

import { pollUntil } from '../../support/process.mjs';
import type { ExecutionRow, RunningN8n } from '../../support/startN8n.mjs';
import { parseStoredTime, perSecond } from './stats.mjs';

/** What is fired at one webhook: its URL, the workflow whose executions count, the bodies. */
export interface Fire {
	label: string;
	url: string;
	workflowId: string;
	contentType: string;
	/** Sent with every request besides the content type (a Header Auth key). */
	headers?: Record<string, string>;
	next(): string;
	/** Whether every 2xx reply should start one execution (false on the repeat path). */
	startsExecutions: boolean;
}

export interface RunFigures {
	/** 2xx replies per second of the run. */
	repliesPerSecond: number;
	/** Finished executions per second, from the run's start to when the last one finished. */
	executionsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	replies: number;
	executions: number;
	/** Replies other than 2xx, connection errors, timeouts, and executions that did not succeed. */
	failures: number;
	/** False when executions were still running when the bounded wait ran out. */
	settled: boolean;
	/** The machine's 1-minute load average when the run ended. */
	load: number;
	/** The highest execution id seen, where the next run of this workflow starts counting. */
	lastExecutionId: number;
}

const POLL_MS = 200;
/** Executions finish a while after their reply (which waits only until they are stored): wait, but not forever. */
const SETTLE_LIMIT_MS = 30_000;

interface Settled {
	finishedAt: number[];
	failed: number;
	settled: boolean;
	lastId: number;
}

function settledFrom(rows: ExecutionRow[], afterId: number, expected: number): Settled {
	const finishedAt = rows.map((row) =>
		row.stoppedAt === undefined ? undefined : parseStoredTime(row.stoppedAt),
	);
	return {
		finishedAt: rows.flatMap((row, index) => {
			const time = finishedAt[index];
			return row.status === 'success' && time !== undefined ? [time] : [];
		}),
		failed: rows.filter((row) => row.stoppedAt !== undefined && row.status !== 'success').length,
		settled: finishedAt.every((time) => time !== undefined) && rows.length >= expected,
		lastId: rows.reduce((max, row) => Math.max(max, Number(row.id)), afterId),
	};
}

/**
 * Waits until every execution since `afterId` has finished, at least `expected` exist, and the
 * count held still for one poll; after the bounded wait, what there is, marked unsettled if so.
 */
async function settle(
	n8n: RunningN8n,
	workflowId: string,
	afterId: number,
	expected: number,
): Promise<Settled> {
	let last: { rows: ExecutionRow[] } | undefined;
	// The condition hands back a failed query instead of throwing, so only the timeout rejects.
	const outcome = await pollUntil(
		async () => {
			let rows: ExecutionRow[];
			try {
				rows = await n8n.executions(workflowId, afterId);
			} catch (error) {
				return { error };
			}
			const previous = last?.rows.length;
			last = { rows };
			const current = settledFrom(rows, afterId, expected);
			return current.settled && rows.length === previous ? { current } : undefined;
		},
		{
			timeout: SETTLE_LIMIT_MS,
			interval: POLL_MS,
			describe: `the executions of ${workflowId} to settle`,
		},
	).catch(() => undefined);
	if (outcome !== undefined && 'error' in outcome) throw outcome.error;
	return outcome?.current ?? settledFrom(last?.rows ?? [], afterId, expected);
}

/**
 * Sends `requests` requests, `connections` at a time, and waits for every reply: a run cut off
 * after a fixed time would drop the slowest requests, whose executions then land in the next run.
 */
export async function measureRun(
	n8n: RunningN8n,
	fire: Fire,
	connections: number,
	requests: number,
	afterId: number,
): Promise<RunFigures> {
	const startedAt = Date.now();
	// autocannon's own duration is whole seconds for a fixed number of requests: time the replies here.
	let replies = 0;
	let lastReplyAt = startedAt;
	const onResponse = (status: number) => {
		if (status < 200 || status >= 300) return;
		replies++;
		lastReplyAt = Date.now();
	};
	const result = await autocannon({
		url: fire.url,
		connections,
		amount: Math.max(requests, connections),
		timeout: 30,
		method: 'POST',
		headers: { ...fire.headers, 'content-type': fire.contentType },
		requests: [
			{
				method: 'POST',
				setupRequest: (request) => ({ ...request, body: fire.next() }),
				onResponse,
			},
		],
	});
	const executions = await settle(
		n8n,
		fire.workflowId,
		afterId,
		fire.startsExecutions ? replies : 0,
	);
	return {
		repliesPerSecond: perSecond(replies, startedAt, lastReplyAt),
		executionsPerSecond: perSecond(
			executions.finishedAt.length,
			startedAt,
			Math.max(startedAt, ...executions.finishedAt),
		),
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		replies,
		executions: executions.finishedAt.length,
		failures: result.non2xx + result.errors + result.timeouts + executions.failed,
		settled: executions.settled,
		load: os.loadavg()[0] ?? 0,
		lastExecutionId: executions.lastId,
	};
}
