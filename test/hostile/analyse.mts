/**
 * Turns the replies and what n8n recorded into the figures the hostile run prints and asserts.
 */
import { n8nRefusalOf, startsExecution } from './expectation.mjs';
import { MARKER_PATTERN } from './markers.mjs';
import type { HostilePlatform, HostileReply, HostileRequest } from './types.mjs';

/** What the runner reads back from the n8n that received the corpus. */
export interface ObservedN8n {
	healthy: boolean;
	/** Every execution of the platform's workflows: status and stored run data. */
	executions: Array<{ id: string; status: string; data: string }>;
	log: string;
}

export interface HostileReport {
	platform: string;
	sent: number;
	healthy: boolean;
	executionsStarted: number;
	executionsNotSuccessful: string[];
	/** Unauthenticated requests whose marker shows up in an execution. */
	unauthenticatedStarted: string[];
	/** Authenticated events that should have started one execution and started none. */
	authenticatedLost: string[];
	/** Events that started more than one execution, or one though filtered, deduplicated or refused. */
	unexpectedExecutions: string[];
	/** Executions whose flag does not match: a readable event flagged, or an unreadable one not. */
	misflagged: string[];
	/** Executions carrying no marker of this run: nothing in the corpus explains them. */
	unexplainedExecutions: number;
	protocolViolations: string[];
	/** Authenticated requests that cannot reach a node (n8n routes or reads them itself), by reason. */
	refusedByN8n: Map<string, number>;
	secretsFound: string[];
	byCategory: Map<string, Map<string, number>>;
	slowestMs: number;
}

export function analyse(
	platform: HostilePlatform,
	corpus: readonly HostileRequest[],
	replies: ReadonlyMap<HostileRequest, HostileReply>,
	observed: ObservedN8n,
): HostileReport {
	const executionsByMarker = new Map<string, Array<{ id: string; data: string }>>();
	let unexplainedExecutions = 0;
	for (const execution of observed.executions) {
		const markers = new Set(execution.data.match(MARKER_PATTERN) ?? []);
		if (markers.size === 0) unexplainedExecutions++;
		for (const marker of markers) {
			const list = executionsByMarker.get(marker) ?? [];
			list.push(execution);
			executionsByMarker.set(marker, list);
		}
	}

	const requestsByMarker = new Map<string, HostileRequest[]>();
	for (const request of corpus) {
		const list = requestsByMarker.get(request.marker) ?? [];
		list.push(request);
		requestsByMarker.set(request.marker, list);
	}

	const unauthenticatedStarted: string[] = [];
	const authenticatedLost: string[] = [];
	const unexpectedExecutions: string[] = [];
	const misflagged: string[] = [];
	for (const [marker, requests] of requestsByMarker) {
		const executions = executionsByMarker.get(marker) ?? [];
		const first = requests[0];
		if (!first) continue;
		const runs = requests.filter((request) => {
			const reply = replies.get(request);
			return reply !== undefined && startsExecution(request.expect);
		});
		const executing = runs[0];
		// A deduplicating trigger marks repeats `duplicate`, so only the first delivery counts here.
		const expected = runs.length;
		if (executions.length > 0 && requests.some((request) => !request.authenticated)) {
			unauthenticatedStarted.push(`${first.label}: ${executions.length} execution(s)`);
			continue;
		}
		if (executions.length < expected) {
			authenticatedLost.push(
				expected === 1
					? first.label
					: `${first.label}: ${executions.length} of ${expected} executions`,
			);
		}
		if (executions.length > expected) {
			unexpectedExecutions.push(
				`${first.label}: ${executions.length} execution(s), expected ${expected}`,
			);
		}
		for (const execution of executions) {
			if (!executing) continue;
			const flagged = platform.isFlaggedExecution(execution.data);
			if (flagged !== (executing.expect === 'flagged')) {
				misflagged.push(
					`${executing.label}: expected ${executing.expect}, execution ${execution.id} is ${flagged ? '' : 'not '}flagged`,
				);
			}
		}
	}

	const protocolViolations: string[] = [];
	const refusedByN8n = new Map<string, number>();
	const byCategory = new Map<string, Map<string, number>>();
	let slowestMs = 0;
	for (const request of corpus) {
		const reply = replies.get(request);
		if (!reply) {
			protocolViolations.push(`${request.label}: never sent`);
			continue;
		}
		slowestMs = Math.max(slowestMs, reply.elapsedMs);
		const refusal = n8nRefusalOf(request);
		const violation =
			refusal && reply.status !== refusal.status
				? `expected n8n's own ${refusal.status}, got ${reply.status} ${JSON.stringify(reply.text.slice(0, 80))}`
				: platform.protocolViolation(request, reply);
		if (violation) protocolViolations.push(`${request.label}: ${violation}`);
		if (refusal && request.authenticated) {
			refusedByN8n.set(refusal.reason, (refusedByN8n.get(refusal.reason) ?? 0) + 1);
		}
		const statuses = byCategory.get(request.category) ?? new Map<string, number>();
		const key = reply.networkError ? 'no reply' : String(reply.status);
		statuses.set(key, (statuses.get(key) ?? 0) + 1);
		byCategory.set(request.category, statuses);
	}

	const secretsFound: string[] = [];
	for (const [index, secret] of platform.secrets.entries()) {
		const where: string[] = [];
		const inExecutions = observed.executions.filter((execution) => execution.data.includes(secret));
		if (inExecutions.length > 0)
			where.push(`execution data (${inExecutions.map((execution) => execution.id).join(', ')})`);
		if (observed.log.includes(secret)) where.push("n8n's log");
		const inReplies = [...replies.values()].filter((reply) => reply.text.includes(secret)).length;
		if (inReplies > 0) where.push(`${inReplies} replies`);
		if (where.length > 0) secretsFound.push(`secret form #${index} in ${where.join(', ')}`);
	}

	return {
		platform: platform.name,
		sent: replies.size,
		healthy: observed.healthy,
		executionsStarted: observed.executions.length,
		executionsNotSuccessful: observed.executions
			.filter((execution) => execution.status !== 'success')
			.map((execution) => `${execution.id}: ${execution.status}`),
		unauthenticatedStarted,
		authenticatedLost,
		unexpectedExecutions,
		misflagged,
		unexplainedExecutions,
		protocolViolations,
		refusedByN8n,
		secretsFound,
		byCategory,
		slowestMs,
	};
}

function listing(items: readonly string[], limit = 20): string {
	if (items.length === 0) return '';
	const shown = items
		.slice(0, limit)
		.map((item) => `\n      - ${item}`)
		.join('');
	return items.length > limit ? `${shown}\n      … and ${items.length - limit} more` : shown;
}

export function formatReport(report: HostileReport, corpus: readonly HostileRequest[]): string {
	const authenticated = corpus.filter((request) => request.authenticated).length;
	const refused = [...report.refusedByN8n.values()].reduce((sum, count) => sum + count, 0);
	const lines = [
		`Hostile input — ${report.platform}`,
		`  requests sent:                                ${report.sent} (${authenticated} authenticated, ${report.sent - authenticated} not)`,
		`  n8n still healthy:                            ${report.healthy ? 'yes' : 'NO'}`,
		`  workflow executions started:                  ${report.executionsStarted}` +
			(report.executionsNotSuccessful.length > 0
				? ` (${report.executionsNotSuccessful.length} not successful)`
				: ''),
		`  unauthenticated requests that started one:    ${report.unauthenticatedStarted.length}${listing(report.unauthenticatedStarted)}`,
		`  authenticated events lost:                    ${report.authenticatedLost.length}${listing(report.authenticatedLost)}`,
		`    (not counted: ${refused} authenticated request(s) n8n keeps from the node, each answered without an execution)`,
		...[...report.refusedByN8n].map(([reason, count]) => `      ${count} × ${reason}`),
		`  executions doubled or not expected:           ${report.unexpectedExecutions.length}${listing(report.unexpectedExecutions)}`,
		`  executions flagged wrongly:                   ${report.misflagged.length}${listing(report.misflagged)}`,
		`  executions no request explains:               ${report.unexplainedExecutions}`,
		`  responses that broke the protocol:            ${report.protocolViolations.length}${listing(report.protocolViolations)}`,
		`  secrets in execution data, log or replies:    ${report.secretsFound.length}${listing(report.secretsFound)}`,
		`  slowest reply:                                ${Math.round(report.slowestMs)} ms`,
		'  replies by category:',
		...[...report.byCategory].map(
			([category, statuses]) =>
				`    ${category.padEnd(22)} ${[...statuses].map(([status, count]) => `${count}×${status}`).join('  ')}`,
		),
	];
	return lines.join('\n');
}
