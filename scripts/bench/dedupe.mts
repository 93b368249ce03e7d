import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { QINGSUYUN_DEDUPE } from '../../nodes/Qingsuyun/events';
import { claimDelivery, type DedupeOptions } from '../../nodes/shared/dedupe';

/** One delivery whose reply went out with a 2xx; says whether it was a repeat. */
async function deliverAcknowledged(
	scope: string,
	staticData: IDataObject,
	key: string,
	options: DedupeOptions,
	now: number,
): Promise<boolean> {
	const claim = await claimDelivery(scope, staticData, key, options, now);
	if (!claim.repeat) claim.settle(true);
	return claim.repeat;
}

export interface DedupeCheckpoint {
	deliveries: number;
	/** Growth of the V8 heap since before the first delivery, after a full garbage collection. */
	heapBytes: number;
	/** The workflow static data the trigger keeps, as n8n stores it (JSON). */
	staticDataBytes: number;
	microsPerDelivery: number;
}

function collectGarbage(): void {
	const gc: unknown = Reflect.get(globalThis, 'gc');
	// Twice: the first pass can leave weakly held and finalizable objects for the next.
	if (typeof gc === 'function') for (let pass = 0; pass < 2; pass++) gc();
}

export function gcAvailable(): boolean {
	return typeof Reflect.get(globalThis, 'gc') === 'function';
}

/**
 * Feeds 100 000 distinct deliveries (Qingsuyun uuids) to one trigger's dedupe state, with the
 * Qingsuyun Trigger's settings, and measures the state at checkpoints.
 */
export async function benchDedupe(
	total = 100_000,
	checkpoints = [1_000, 10_000, 100_000],
): Promise<DedupeCheckpoint[]> {
	const scope = `bench-workflow:bench-node:${randomUUID()}`;
	const staticData: IDataObject = {};
	const start = Date.now();
	// Warm the code path on another trigger, so compiled code is not counted as state.
	for (let index = 0; index < 2_000; index++) {
		await deliverAcknowledged(
			`${scope}:warm-up`,
			{},
			String(index),
			QINGSUYUN_DEDUPE,
			start + index,
		);
	}
	collectGarbage();
	const heapBefore = process.memoryUsage().heapUsed;
	const results: DedupeCheckpoint[] = [];
	let elapsedNs = 0n;
	for (let index = 0; index < total; index++) {
		// Made on the fly: a key the dedupe state does not keep is garbage, so heap growth is its state.
		const key = randomUUID().replace(/-/g, '');
		const before = process.hrtime.bigint();
		// One delivery per second of simulated time: all within the 24-hour window until 86 400.
		if (await deliverAcknowledged(scope, staticData, key, QINGSUYUN_DEDUPE, start + index * 1000)) {
			throw new Error(`distinct delivery ${index} reported as a repeat`);
		}
		elapsedNs += process.hrtime.bigint() - before;
		const count = index + 1;
		if (checkpoints.includes(count)) {
			collectGarbage();
			results.push({
				deliveries: count,
				heapBytes: process.memoryUsage().heapUsed - heapBefore,
				staticDataBytes: Buffer.byteLength(JSON.stringify(staticData)),
				microsPerDelivery: Number(elapsedNs) / 1000 / count,
			});
		}
	}
	return results;
}
