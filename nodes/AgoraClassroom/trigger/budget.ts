import type { IPollFunctions } from 'n8n-workflow';

/**
 * How long one poll may read. Polls run every minute at the most; a poll still reading when the
 * next one starts would read the same events again, so a poll stops in time and leaves the rest
 * to the next one. n8n 2.x also announces its own budget (`getPollBudgetMs`, absent in 1.x).
 */
export const MAX_POLL_READ_MS = 45_000;

export function pollReadBudgetMs(context: IPollFunctions): number {
	const announced =
		'getPollBudgetMs' in context && typeof context.getPollBudgetMs === 'function'
			? context.getPollBudgetMs()
			: undefined;
	return typeof announced === 'number' && Number.isFinite(announced) && announced > 0
		? Math.min(announced, MAX_POLL_READ_MS)
		: MAX_POLL_READ_MS;
}

/** Polls of one trigger node running right now in this n8n process. */
const running = new Set<string>();

/**
 * Runs `poll` unless the same node's previous poll is still running in this process (it then
 * returns null: that poll will deliver what there is, and reading the same events twice would
 * emit them twice).
 */
export async function runExclusively<T>(key: string, poll: () => Promise<T>): Promise<T | null> {
	if (running.has(key)) return null;
	running.add(key);
	try {
		return await poll();
	} finally {
		running.delete(key);
	}
}
