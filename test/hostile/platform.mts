/**
 * What the three webhook triggers' hostile platforms have in common: the workflows their corpora
 * are sent to, and how a flagged execution shows.
 */
import type { HostileFixtures } from './types.mjs';

/**
 * The fixtures of a corpus sent to the platform's bare trigger workflows, in
 * `<platform>.bare.workflows.json`: each workflow id with its webhook.
 */
export function bareTriggerFixtures(
	platform: string,
	credentials: string,
	substitutions: Record<string, string>,
	webhookOfWorkflow: Record<string, string>,
): HostileFixtures {
	return {
		credentials: [credentials],
		workflows: [`${platform}.bare.workflows.json`],
		substitutions,
		workflowIds: Object.keys(webhookOfWorkflow),
		webhooks: Object.values(webhookOfWorkflow),
	};
}

/** Every trigger flags what it cannot read as an "Unrecognized request" item. */
export function isFlaggedAsUnrecognized(executionData: string): boolean {
	return executionData.includes('"Unrecognized request"');
}
