/** What a platform contributes to `npm run bench`. Adding a platform = one module + registry entry. */

/** One of our webhook triggers, measured side by side with n8n's built-in Webhook node. */
export interface WebhookBenchTarget {
	/** Shown in the results, e.g. `Qingsuyun Trigger`. */
	label: string;
	credentials: string[];
	workflows: string[];
	substitutions: Record<string, string>;
	/** The production webhook path after `/webhook/`, e.g. `qsy-hostile/qingsuyun`. */
	webhook: string;
	/** The workflow holding the trigger, whose execution records the bench counts. */
	workflowId: string;
	/**
	 * Makes request bodies of about `bytes` bytes that the trigger accepts and turns into an
	 * execution; every call gives a new event, so dedupe skips none.
	 */
	bodies(bytes: number): { contentType: string; next(): string };
	/** Also measure one body sent again and again: the trigger's answer to a retry. */
	repeatPath?: boolean;
}

/** A pure decoding step measured without n8n: one call handles one event. */
export interface DecodeBenchCase {
	platform: string;
	label: string;
	/** The size of the body the case decodes. */
	bytes: number;
	decode(): unknown;
}

export interface BenchPlatform {
	name: string;
	webhook?: WebhookBenchTarget;
	decodeCases(): DecodeBenchCase[];
}
