import type { WebhookBenchTarget } from './types.mjs';

/** What differs between two triggers that authenticate by a token in their URL. */
export interface TokenTrigger {
	/** `teachbase`: names the fixtures and the token's substitution. */
	platform: string;
	label: string;
	/** The webhook path before the token, e.g. `tb-hostile/teachbase`. */
	path: string;
	workflowId: string;
	token: string;
}

/**
 * A trigger that checks a token in its URL (Teachbase, Gensee), in the bare workflow and the
 * hostile suite's credential its fixtures share.
 */
export function tokenTarget(
	trigger: TokenTrigger,
	load: Pick<WebhookBenchTarget, 'bodies' | 'repeatPath'>,
): WebhookBenchTarget {
	return {
		label: trigger.label,
		credentials: [`${trigger.platform}.hostile.credentials.json`],
		workflows: [`${trigger.platform}.bare.workflows.json`],
		substitutions: { [`${trigger.platform.toUpperCase()}_HOSTILE_TOKEN`]: trigger.token },
		webhook: `${trigger.path}?token=${trigger.token}`,
		workflowId: trigger.workflowId,
		...load,
	};
}
