import type { IDataObject } from 'n8n-workflow';

export interface DedupeOptions {
	/** How long a delivery is remembered. */
	windowMs: number;
	/** Upper bound on remembered deliveries, so static data stays small whatever the traffic. */
	maxEntries: number;
}

/** [key, first seen (epoch ms)] pairs, oldest first. */
type DeliveryLog = Array<[string, number]>;

const STATIC_DATA_KEY = 'recentDeliveries';

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

/**
 * Remembers `key` in the node's static data and says whether it was already seen inside the
 * window. n8n saves static data after each production webhook call, so the memory survives
 * between requests and restarts.
 */
export function isRepeatDelivery(
	staticData: IDataObject,
	key: string,
	options: DedupeOptions,
	now: number = Date.now(),
): boolean {
	const stored = staticData[STATIC_DATA_KEY];
	const log: DeliveryLog = isDeliveryLog(stored)
		? stored.filter(([, seenAt]) => now - seenAt < options.windowMs)
		: [];

	const seenBefore = log.some(([seenKey]) => seenKey === key);
	if (!seenBefore) log.push([key, now]);

	staticData[STATIC_DATA_KEY] = log.slice(-options.maxEntries);
	return seenBefore;
}
