import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

export interface DedupeOptions {
	/** How long a delivery is remembered. */
	windowMs: number;
	/** Upper bound on remembered deliveries per trigger node, so memory stays small whatever the traffic. */
	maxEntries: number;
}

/** [key, first seen (epoch ms)] pairs, oldest first. */
type DeliveryLog = Array<[string, number]>;

/**
 * A delivery this process took on: acknowledged once its reply went out with a 2xx, or still
 * waiting for that reply (`outcome` then settles true when it went out, false when it did not).
 */
interface RememberedDelivery {
	at: number;
	outcome: 'acknowledged' | Promise<boolean>;
}

/** What a caller learns of a delivery: a repeat of one already acknowledged, or a new one it now owns. */
export type DeliveryClaim =
	| { repeat: true }
	| {
			repeat: false;
			/** Says whether the reply went out with a 2xx. Only then is the delivery remembered; calls after the first do nothing. */
			settle(acknowledged: boolean): void;
	  };

const STATIC_DATA_KEY = 'recentDeliveries';

/** Trigger nodes remembered in process memory at once; the least recently used is forgotten first. */
const MAX_SCOPES = 1000;

/**
 * Deliveries seen by this n8n process, per trigger node. Static data alone cannot carry dedupe:
 * n8n 2.41 starts each webhook execution with a Workflow built on the same static-data object,
 * which clears its change flag, so a webhook's change to static data that already exists is not
 * saved. Process memory has no such gap; static data carries what n8n does save across restarts.
 */
const seenInProcess = new Map<string, Map<string, RememberedDelivery>>();

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

function processMemory(scope: string): Map<string, RememberedDelivery> {
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
	memory: Map<string, RememberedDelivery>,
	key: string,
	entry: RememberedDelivery,
	options: DedupeOptions,
): void {
	memory.delete(key);
	memory.set(key, entry);
	for (const [seenKey, seen] of memory) {
		if (memory.size <= options.maxEntries && entry.at - seen.at < options.windowMs) break;
		memory.delete(seenKey);
	}
}

/** Takes on a new delivery: pending in memory until `settle`, logged in static data for n8n to save. */
function takeOn(
	memory: Map<string, RememberedDelivery>,
	staticData: IDataObject,
	log: DeliveryLog,
	key: string,
	options: DedupeOptions,
	now: number,
): DeliveryClaim {
	let resolveOutcome: (acknowledged: boolean) => void = () => undefined;
	const entry: RememberedDelivery = {
		at: now,
		outcome: new Promise<boolean>((resolve) => (resolveOutcome = resolve)),
	};
	rememberInProcess(memory, key, entry, options);
	// n8n 2.x saves static data only once it has stored the execution, right before the reply.
	log.push([key, now]);
	staticData[STATIC_DATA_KEY] = log.slice(-options.maxEntries);
	let settled = false;
	return {
		repeat: false,
		settle(acknowledged) {
			if (settled) return;
			settled = true;
			if (acknowledged) entry.outcome = 'acknowledged';
			else if (memory.get(key) === entry) memory.delete(key);
			resolveOutcome(acknowledged);
		},
	};
}

/**
 * Says whether `key` was already delivered to this trigger node inside the window and
 * acknowledged; if not, the caller takes the delivery on. A delivery counts as delivered only
 * once its reply has gone out with a 2xx: a copy that arrives while the first is still being
 * answered waits for that answer, and is taken on anew when the first was not acknowledged, so a
 * retry of an event n8n never stored is never turned away. `scope` identifies the node (workflow
 * id and node id).
 */
export async function claimDelivery(
	scope: string,
	staticData: IDataObject,
	key: string,
	options: DedupeOptions,
	now: number,
): Promise<DeliveryClaim> {
	const stored = staticData[STATIC_DATA_KEY];
	const log: DeliveryLog = isDeliveryLog(stored)
		? stored.filter(([, loggedAt]) => now - loggedAt < options.windowMs)
		: [];
	if (log.some(([loggedKey]) => loggedKey === key)) return { repeat: true };

	for (;;) {
		const memory = processMemory(scope);
		const seen = memory.get(key);
		if (seen === undefined || now - seen.at >= options.windowMs)
			return takeOn(memory, staticData, log, key, options, now);
		if (seen.outcome === 'acknowledged' || (await seen.outcome)) return { repeat: true };
	}
}

/**
 * The dedupe scope of the trigger node handling a request. Test-URL deliveries are remembered
 * apart from production ones.
 */
export function deliveryScope(context: IWebhookFunctions): string {
	return `${context.getWorkflow().id}:${context.getNode().id}:${context.getMode()}`;
}
