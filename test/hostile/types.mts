/**
 * The vocabulary of the hostile-input run: what a generated request is, what it must cause, and
 * what a platform adapter supplies so the same runner can attack every webhook trigger.
 */

/**
 * What one request must cause.
 * - `execution`: authenticated and readable: exactly one execution carrying its marker.
 * - `flagged`: authenticated but unreadable: exactly one execution, flagged as unrecognized.
 * - `filtered`, `duplicate`: authenticated, kept out by the node's own design (event filter,
 *   repeated delivery): acknowledged, no execution of its own.
 * - `rejected`: authenticated but unreadable, and the workflow is set to reject such requests.
 * - `unauthenticated`: wrong, missing or near-miss secret: refused, no execution.
 * - `n8nRefuses`: n8n itself answers before the node runs (body parser, size limit, method);
 *   the node never sees it, so it cannot start an execution.
 */
export type Expectation =
	| 'execution'
	| 'flagged'
	| 'filtered'
	| 'duplicate'
	| 'rejected'
	| 'unauthenticated'
	| 'n8nRefuses';

export interface HostileRequest {
	/** Unique within the corpus, e.g. `qingsuyun/malformed/truncated-at-37`. */
	label: string;
	/** Groups requests in the printed report, e.g. `malformed JSON`. */
	category: string;
	/** The webhook path after `/webhook/`, e.g. `qsy-hostile/qingsuyun`. */
	webhook: string;
	method: 'POST' | 'GET' | 'PUT' | 'DELETE' | 'PATCH';
	headers: Record<string, string>;
	query?: Record<string, string>;
	body?: string | Buffer;
	/**
	 * A string unique to this delivery, placed in the body so that any execution it starts can be
	 * found in n8n's execution data. Repeated deliveries of one event share their marker.
	 */
	marker: string;
	/** Whether the request proves it comes from the platform (right secret or token). */
	authenticated: boolean;
	expect: Expectation;
	/** For `n8nRefuses`: the status n8n answers with, and why, for the report. */
	n8nRefusal?: { status: number; reason: string };
	/** Requests of one group are sent together, concurrently (repeated deliveries racing). */
	concurrentGroup?: string;
}

export interface HostileReply {
	status: number;
	contentType: string | null;
	/** The first 64 KiB of the reply body. */
	text: string;
	/** Set when the request failed at the HTTP level (connection reset, timeout…). */
	networkError?: string;
	elapsedMs: number;
}

/** Workflows a platform's corpus is sent to, all imported into one n8n. */
export interface HostileFixtures {
	credentials: string[];
	workflows: string[];
	/** The fixtures' `{{NAME}}` placeholders and their values. */
	substitutions: Record<string, string>;
	/** Workflow ids whose executions are counted. */
	workflowIds: string[];
	/** Webhook paths (`<webhookId>/<path>`) n8n must have registered before the run. */
	webhooks: string[];
}

/**
 * One webhook trigger under attack. Adding a platform = one module exporting this, registered in
 * `test/hostile/corpus.mts`.
 */
export interface HostilePlatform {
	name: string;
	fixtures: HostileFixtures;
	/** Every string that must never show up in execution data, n8n's log or a reply. */
	secrets: readonly string[];
	/**
	 * Whether the trigger collapses repeated deliveries into one execution. Where it does not (Gensee
	 * does not retry), every delivery that should run is an execution of its own, repeats included.
	 */
	deduplicates: boolean;
	buildCorpus(): HostileRequest[];
	/**
	 * Says what is wrong with a reply under the platform's protocol, or undefined when it is right.
	 * Only called for requests the node answers (not `n8nRefuses`).
	 */
	protocolViolation(request: HostileRequest, reply: HostileReply): string | undefined;
	/** Whether an execution's stored data shows the item flagged as unrecognized. */
	isFlaggedExecution(executionData: string): boolean;
}
