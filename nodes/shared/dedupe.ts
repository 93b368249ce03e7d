import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

export interface DedupeOptions {
	/** How long a delivery is remembered. */
	windowMs: number;
	/** Upper bound on remembered deliveries per trigger node, so memory stays small whatever the traffic. */
	maxEntries: number;
}

/** [key, first seen (epoch ms)] pairs, oldest first. */
type DeliveryLog = Array<[string, number]>;

const STATIC_DATA_KEY = 'recentDeliveries';

/** Trigger nodes remembered in process memory at once; the least recently used is forgotten first. */
const MAX_SCOPES = 1000;

/**
 * Deliveries seen by this n8n process, per trigger node. Static data alone cannot carry dedupe:
 * n8n 2.41 starts each webhook execution with a Workflow built on the same static-data object,
 * which clears its change flag, so a webhook's change to static data that already exists is not
 * saved. Process memory has no such gap; static data carries what n8n does save across restarts.
 */
const seenInProcess = new Map<string, Map<string, number>>();

function isDeliveryLog(value: unknown): value is DeliveryLog {
	return (
		Array.isArray(value) &&
		value.every(
			(entry) =>
				Array.isArray(entry) &&
				entry.length === 2 &&
				typeof entry[0] === 'string' &&
				typeof entry[1] === 'number',
		)
	);
}

function processMemory(scope: string): Map<string, number> {
	let memory = seenInProcess.get(scope);
	if (memory) {
		seenInProcess.delete(scope);
	} else {
		memory = new Map();
	}
	seenInProcess.set(scope, memory);
	if (seenInProcess.size > MAX_SCOPES) {
		const oldest = seenInProcess.keys().next().value;
		if (oldest !== undefined) seenInProcess.delete(oldest);
	}
	return memory;
}

function rememberInProcess(
	memory: Map<string, number>,
	key: string,
	now: number,
	options: DedupeOptions,
): void {
	memory.delete(key);
	memory.set(key, now);
	for (const [seenKey, seenAt] of memory) {
		if (memory.size <= options.maxEntries && now - seenAt < options.windowMs) break;
		memory.delete(seenKey);
	}
}

/**
 * Says whether `key` was already delivered to this trigger node inside the window, and remembers
 * it if not. `scope` identifies the node (workflow id and node id).
 */
export function isRepeatDelivery(
	scope: string,
	staticData: IDataObject,
	key: string,
	options: DedupeOptions,
	now: number,
): boolean {
	const memory = processMemory(scope);
	const seenAt = memory.get(key);
	const stored = staticData[STATIC_DATA_KEY];
	const log: DeliveryLog = isDeliveryLog(stored)
		? stored.filter(([, loggedAt]) => now - loggedAt < options.windowMs)
		: [];

	const seenBefore =
		(seenAt !== undefined && now - seenAt < options.windowMs) ||
		log.some(([loggedKey]) => loggedKey === key);
	if (seenBefore) return true;

	rememberInProcess(memory, key, now, options);
	log.push([key, now]);
	staticData[STATIC_DATA_KEY] = log.slice(-options.maxEntries);
	return false;
}

/**
 * The dedupe scope of the trigger node handling a request. Test-URL deliveries are remembered
 * apart from production ones.
 */
export function deliveryScope(context: IWebhookFunctions): string {
	return `${context.getWorkflow().id}:${context.getNode().id}:${context.getMode()}`;
}
