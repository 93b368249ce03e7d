import { describe, expect, it } from 'vitest';

import { benchPlatforms } from '../../../scripts/bench/platforms.mjs';
import {
	formatBytes,
	median,
	parseStoredTime,
	perSecond,
	ratio,
	ratioRange,
} from '../../../scripts/bench/stats.mjs';
import type { LoadResult, TargetKind } from '../../../scripts/bench/webhook.mjs';
import { webhookSummary, webhookTable } from '../../../scripts/bench/webhookTable.mjs';

describe('bench arithmetic', () => {
	it('takes the median of odd and even counts', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBe(0);
	});

	it('has no ratio where either side has no rate', () => {
		expect(ratio(3, 2)).toBe(1.5);
		expect(ratio(0, 2)).toBeUndefined();
		expect(ratio(2, 0)).toBeUndefined();
		expect(ratioRange([1.5, undefined, 0.8])).toBe('0.80–1.50');
		expect(ratioRange([1.5])).toBe('1.50');
		expect(ratioRange([undefined])).toBe('n/a');
	});

	it("reads n8n's SQLite times as UTC", () => {
		expect(parseStoredTime('2026-12-01 12:40:38.123')).toBe(Date.UTC(2026, 11, 1, 12, 40, 38, 123));
		expect(parseStoredTime('2026-12-01T12:40:38.123Z')).toBe(
			Date.UTC(2026, 11, 1, 12, 40, 38, 123),
		);
		expect(parseStoredTime('not a time')).toBeUndefined();
	});

	it('counts per second over the span', () => {
		expect(perSecond(10, 1000, 3000)).toBe(5);
		expect(perSecond(0, 1000, 3000)).toBe(0);
		expect(formatBytes(64 * 1024)).toBe('64 KiB');
	});
});

describe('bench bodies', () => {
	for (const platform of benchPlatforms) {
		const target = platform.webhook;
		if (target === undefined) continue;
		it(`${target.label}: every body is a new event of about the asked size`, () => {
			for (const bytes of [1024, 64 * 1024]) {
				const { next } = target.bodies(bytes);
				const bodies = Array.from({ length: 50 }, () => next());
				expect(new Set(bodies).size).toBe(bodies.length);
				for (const body of bodies) {
					expect(Math.abs(Buffer.byteLength(body) - bytes)).toBeLessThan(bytes * 0.1 + 64);
				}
			}
		});

		it(`${target.label}: two generators never send the same body`, () => {
			expect(target.bodies(1024).next()).not.toBe(target.bodies(1024).next());
		});
	}
});

function row(kind: TargetKind, target: string, executionsPerSecond: number): LoadResult {
	return {
		configuration: 'n8n defaults',
		floor: 'v1',
		bytes: 1024,
		concurrency: 16,
		target,
		kind,
		repliesPerSecond: executionsPerSecond * 2,
		executionsPerSecond,
		p50Ms: 10,
		p99Ms: 20,
		replies: 100,
		executions: 50,
		failures: 0,
		unsettledRounds: 0,
		load: 1.5,
	};
}

describe('bench table', () => {
	const results = [row('v2', 'v2', 40), row('v1', 'v1', 20), row('ours', 'Ours', 25)];
	const withAuthFloor = [...results, row('authFloor', 'v1 with Header Auth', 10)];

	it('compares each trigger with its floor and labels the gate', () => {
		const [, , v2, v1, ours] = webhookTable(results);
		expect(v2).toContain('(spared the isolate: the gate)');
		expect(v1).toContain('v1 (floor)');
		expect(ours).toContain('| 1.25 | 1.25 |  | 0.63 |');
	});

	it('compares each trigger with the floor that checks a credential, where measured', () => {
		const lines = webhookTable(withAuthFloor);
		expect(lines.find((line) => line.includes('| v1 with Header Auth'))).toContain(
			'(floor for a trigger that checks a credential)',
		);
		expect(lines.find((line) => line.includes('| Ours |'))).toContain(
			'| 1.25 | 1.25 | 2.50 | 0.63 |',
		);
	});

	it('sums up each trigger against its floor', () => {
		expect(webhookSummary(results)).toEqual([
			"- n8n defaults: Ours runs at 1.25 × the executions per second of its floor, n8n's Webhook node v1 (1.25 × its replies per second).",
		]);
		expect(webhookSummary(withAuthFloor)).toEqual([
			"- n8n defaults: Ours runs at 1.25 × the executions per second of its floor, n8n's Webhook node v1 (1.25 × its replies per second); " +
				'2.50 × that of the same node with Header Auth, which checks a credential on every request as Ours does.',
		]);
	});
});
