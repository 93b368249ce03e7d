/**
 * Restart under load: streams of distinct platform events to each trigger (and to n8n's own
 * Webhook node, the reference) while n8n is stopped or killed, then a count of what each
 * target's callers were told against what n8n stored. An event is **lost** when it got the
 * platform's success reply but no execution of its workflow carries it.
 */
import { randomBytes } from 'node:crypto';

import { deliver } from '../../../support/deliver.mjs';
import { sleep } from '../../../support/process.mjs';
import { qingsuyunSample } from '../../../support/samples/qingsuyun.mjs';
import { genseeActionSample } from '../../../support/samples/gensee.mjs';
import { teachbaseSample } from '../../../support/samples/teachbase.mjs';
import type { Delivery } from '../../../support/samples/types.mjs';

const RESTART_QINGSUYUN_SECRET = 'restart-suite-secret-6e1f0c3a9b2d';

export interface RestartTarget {
	label: string;
	workflowId: string;
	/** The production webhook path after `/webhook/`. */
	webhook: string;
	/** The request the platform sends for the event `marker` (32 hex digits). */
	delivery(marker: string): Delivery;
	/** Whether the reply tells the platform the event was delivered. */
	acknowledged(reply: { status: number; text: string }): boolean;
}

const ok = (expected: string) => (reply: { status: number; text: string }) =>
	reply.status === 200 && reply.text === expected;

/** The targets of restart.workflows.json. */
export const RESTART_TARGETS: readonly RestartTarget[] = [
	{
		label: 'Qingsuyun Trigger',
		workflowId: 'restartQingsuyun',
		webhook: 'restart-qsy/qingsuyun',
		delivery: (marker) => ({
			label: 'qingsuyun answerSheet',
			method: 'POST',
			contentType: 'application/json',
			body: JSON.stringify(
				qingsuyunSample('answerSheet', RESTART_QINGSUYUN_SECRET, { uuid: marker }),
			),
		}),
		acknowledged: ok('success'),
	},
	{
		label: 'Teachbase Trigger',
		workflowId: 'restartTeachbase',
		webhook: 'restart-tb/teachbase',
		delivery: (marker) => {
			const sample = teachbaseSample('course_stat', 'updated');
			return {
				label: 'teachbase course_stat.updated',
				method: 'POST',
				contentType: 'application/json',
				body: JSON.stringify({ ...sample, data: { ...sample.data, comment: marker } }),
			};
		},
		acknowledged: ok('ok'),
	},
	{
		label: 'Gensee Trigger',
		workflowId: 'restartGensee001',
		webhook: 'restart-gs/gensee',
		delivery: (marker) => ({
			label: 'gensee 101',
			method: 'GET',
			query: { ...genseeActionSample('101'), ClassNo: marker },
		}),
		acknowledged: ok(''),
	},
	{
		label: "n8n's Webhook node v2",
		workflowId: 'restartBuiltin01',
		webhook: 'restart-builtin',
		delivery: (marker) => ({
			label: 'plain JSON',
			method: 'POST',
			contentType: 'application/json',
			body: JSON.stringify({ marker }),
		}),
		acknowledged: (reply) => reply.status === 200,
	},
];

export const TEACHBASE_TARGET = RESTART_TARGETS[1]!;

/** What both restart suites start n8n (single or queue mode) with: a workflow per target. */
export const RESTART_N8N = {
	credentials: ['qingsuyun.credentials.json'],
	workflows: ['restart.workflows.json'],
	substitutions: { QINGSUYUN_SECRET: RESTART_QINGSUYUN_SECRET },
	webhooks: RESTART_TARGETS.map((target) => target.webhook),
};

export interface Outcome {
	marker: string;
	/** Absent when no HTTP answer came back (refused, reset, timed out). */
	status?: number;
	text?: string;
	acknowledged: boolean;
	/** Epoch ms when the answer (or the failure) came. */
	at: number;
}

/** Markers of one scenario: a random prefix, the target's index, a counter; 32 hex digits. */
export class MarkerSource {
	readonly prefix = randomBytes(11).toString('hex');

	marker(targetIndex: number, sequence: number): string {
		return `${this.prefix}${targetIndex.toString(16).padStart(2, '0')}${sequence.toString(16).padStart(8, '0')}`;
	}

	/** A regular expression (JavaScript's and PostgreSQL's) for every marker of this scenario. */
	get pattern(): string {
		return `${this.prefix}[0-9a-f]{10}`;
	}

	/** Every marker of this scenario in a text. */
	find(text: string): string[] {
		return text.match(new RegExp(this.pattern, 'g')) ?? [];
	}
}

/**
 * `concurrency` senders per target, each sending one new event after another until `stop()`.
 * A request gets up to `requestTimeoutMs` for its answer.
 */
export class LoadStreams {
	readonly outcomes = new Map<RestartTarget, Outcome[]>();
	private running = true;
	private readonly senders: Array<Promise<void>> = [];
	private sequence = 0;

	constructor(
		private readonly baseUrl: () => string,
		private readonly targets: readonly RestartTarget[],
		private readonly markers: MarkerSource,
		concurrency: number,
		private readonly requestTimeoutMs = 60_000,
	) {
		for (const target of targets) {
			this.outcomes.set(target, []);
			for (let sender = 0; sender < concurrency; sender++) this.senders.push(this.send(target));
		}
	}

	/** Acknowledged events so far, over every target. */
	acknowledgedCount(): number {
		return [...this.outcomes.values()].flat().filter((outcome) => outcome.acknowledged).length;
	}

	/** Stops sending and waits for every request in flight to be answered or to fail. */
	async stop(): Promise<void> {
		this.running = false;
		await Promise.all(this.senders);
	}

	private async send(target: RestartTarget): Promise<void> {
		const index = this.targets.indexOf(target);
		const outcomes = this.outcomes.get(target) ?? [];
		while (this.running) {
			const marker = this.markers.marker(index, this.sequence++);
			const outcome = await sendOnce(
				`${this.baseUrl()}/webhook/${target.webhook}`,
				target,
				marker,
				this.requestTimeoutMs,
			);
			outcomes.push(outcome);
			// A refused connection answers at once: do not spin while n8n is down.
			if (outcome.status === undefined) await sleep(50);
		}
	}
}

export async function sendOnce(
	url: string,
	target: RestartTarget,
	marker: string,
	timeoutMs = 60_000,
): Promise<Outcome> {
	try {
		const reply = await Promise.race([
			deliver(url, target.delivery(marker)),
			new Promise<never>((_, reject) =>
				setTimeout(() => reject(new Error('no answer in time')), timeoutMs),
			),
		]);
		return {
			marker,
			status: reply.status,
			text: reply.text,
			acknowledged: target.acknowledged(reply),
			at: Date.now(),
		};
	} catch {
		return { marker, acknowledged: false, at: Date.now() };
	}
}

export interface TargetTally {
	target: string;
	sent: number;
	acknowledged: number;
	/** Acknowledged events with an execution. */
	recorded: number;
	/** Acknowledged events without one. */
	lost: number;
	/** No HTTP answer at all. */
	unanswered: number;
	/** Answered, but not with the platform's success reply (e.g. n8n's 500 while stopping). */
	refused: number;
	/** How often each status other than the success reply came back, e.g. `{ "500": 3 }`. */
	refusedStatuses: Record<string, number>;
	/** Events with more than one execution. */
	duplicates: number;
	/** Events stored although their caller was not told so (they will be retried: see duplicates). */
	storedUnacknowledged: number;
	lostMarkers: string[];
}

/** `executionsPerMarker`: how many executions of the target's workflow carry each marker. */
export function tally(
	target: RestartTarget,
	outcomes: readonly Outcome[],
	executionsPerMarker: ReadonlyMap<string, number>,
): TargetTally {
	const acknowledged = outcomes.filter((outcome) => outcome.acknowledged);
	const lost = acknowledged.filter((outcome) => !executionsPerMarker.has(outcome.marker));
	return {
		target: target.label,
		sent: outcomes.length,
		acknowledged: acknowledged.length,
		recorded: acknowledged.length - lost.length,
		lost: lost.length,
		unanswered: outcomes.filter((outcome) => outcome.status === undefined).length,
		refused: outcomes.filter((outcome) => outcome.status !== undefined && !outcome.acknowledged)
			.length,
		refusedStatuses: outcomes
			.filter((outcome) => outcome.status !== undefined && !outcome.acknowledged)
			.reduce<Record<string, number>>((counts, { status }) => {
				counts[String(status)] = (counts[String(status)] ?? 0) + 1;
				return counts;
			}, {}),
		duplicates: [...executionsPerMarker.values()].filter((count) => count > 1).length,
		storedUnacknowledged: outcomes.filter(
			(outcome) => !outcome.acknowledged && executionsPerMarker.has(outcome.marker),
		).length,
		lostMarkers: lost.map((outcome) => outcome.marker),
	};
}

/** Counts, per marker, the executions whose stored data carries it. */
export function executionsPerMarker(
	records: ReadonlyArray<{ id: string; data: string }>,
	markers: MarkerSource,
): Map<string, number> {
	const counts = new Map<string, number>();
	for (const record of records) {
		for (const marker of new Set(markers.find(record.data)))
			counts.set(marker, (counts.get(marker) ?? 0) + 1);
	}
	return counts;
}

export function formatTallies(title: string, tallies: readonly TargetTally[]): string {
	const header = [
		'target',
		'sent',
		'acknowledged',
		'recorded',
		'lost',
		'unanswered',
		'refused',
		'duplicates',
		'stored, not acked',
	];
	const rows = tallies.map((row) => [
		row.target,
		row.sent,
		row.acknowledged,
		row.recorded,
		row.lost,
		row.unanswered,
		row.refused,
		row.duplicates,
		row.storedUnacknowledged,
	]);
	const widths = header.map((name, column) =>
		Math.max(name.length, ...rows.map((row) => String(row[column]).length)),
	);
	const line = (cells: ReadonlyArray<string | number>) =>
		cells.map((cell, column) => String(cell).padEnd(widths[column] ?? 0)).join(' | ');
	const refusals = tallies
		.filter((row) => row.refused > 0)
		.map((row) => `${row.target} refused with ${JSON.stringify(row.refusedStatuses)}`);
	return [`[restart] ${title}`, line(header), ...rows.map(line), ...refusals].join('\n');
}
