/** The webhook figures as Markdown: the full table, and the sentences docs/benchmarks.md gives. */
import { formatBytes, ratio, ratioRange } from './stats.mjs';
import type { LoadResult, TargetKind } from './webhook.mjs';

type Rate = 'executionsPerSecond' | 'repliesPerSecond';

/** The built-in row of the same configuration, size and concurrency. */
function builtin(
	results: readonly LoadResult[],
	of: LoadResult,
	kind: TargetKind,
): LoadResult | undefined {
	return results.find(
		(result) =>
			result.configuration === of.configuration &&
			result.bytes === of.bytes &&
			result.concurrency === of.concurrency &&
			result.kind === kind,
	);
}

function ratioTo(
	results: readonly LoadResult[],
	of: LoadResult,
	kind: TargetKind,
	rate: Rate,
): number | undefined {
	const baseline = builtin(results, of, kind);
	return baseline === undefined || baseline === of ? undefined : ratio(of[rate], baseline[rate]);
}

function shown(value: number | undefined): string {
	return value === undefined ? '' : value.toFixed(2);
}

function targetLabel(result: LoadResult): string {
	if (result.kind === result.floor) return `${result.target} (floor)`;
	if (result.kind === 'authFloor')
		return `${result.target} (floor for a trigger that checks a credential)`;
	if (result.kind === 'v2') return `${result.target} (spared the isolate: the gate)`;
	return result.target;
}

export function webhookTable(results: readonly LoadResult[]): string[] {
	return [
		'| n8n setting | body | concurrency | target | replies/s | executions/s | p50 | p99 | ÷ floor (executions/s) | ÷ floor (replies/s) | ÷ floor with Header Auth (executions/s) | ÷ Webhook v2 (executions/s) | failed | load |',
		'|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
		...results.map((result) => {
			const toFloor = (rate: Rate) =>
				result.kind === 'ours' ? shown(ratioTo(results, result, result.floor, rate)) : '';
			const toAuthFloor =
				result.kind === 'ours'
					? shown(ratioTo(results, result, 'authFloor', 'executionsPerSecond'))
					: '';
			const unsettled =
				result.unsettledRounds > 0 ? ` (${result.unsettledRounds} rounds unsettled)` : '';
			return (
				`| ${result.configuration} | ${formatBytes(result.bytes)} | ${result.concurrency} | ${targetLabel(result)} | ` +
				`${result.repliesPerSecond.toFixed(1)} | ${result.executionsPerSecond.toFixed(1)}${unsettled} | ` +
				`${result.p50Ms.toFixed(0)} ms | ${result.p99Ms.toFixed(0)} ms | ${toFloor('executionsPerSecond')} | ` +
				`${toFloor('repliesPerSecond')} | ${toAuthFloor} | ${result.kind === 'v2' ? '' : shown(ratioTo(results, result, 'v2', 'executionsPerSecond'))} | ${result.failures} | ${result.load.toFixed(1)} |`
			);
		}),
	];
}

function configurations(results: readonly LoadResult[]): string[] {
	return [...new Set(results.map((result) => result.configuration))];
}

/** One line per configuration and trigger: ours ÷ the floor, over every size and concurrency. */
export function webhookSummary(results: readonly LoadResult[]): string[] {
	const triggers = [
		...new Set(results.filter((result) => result.kind === 'ours').map((result) => result.target)),
	];
	return configurations(results).flatMap((configuration) =>
		triggers.flatMap((target) => {
			const rows = results.filter(
				(result) => result.configuration === configuration && result.target === target,
			);
			const first = rows[0];
			if (first === undefined) return [];
			// Every row of one configuration has the same floor: the first row's.
			const range = (rate: Rate, kind: TargetKind) =>
				ratioRange(rows.map((row) => ratioTo(results, row, kind, rate)));
			const withAuth = rows.some((row) => builtin(results, row, 'authFloor') !== undefined)
				? `; ${range('executionsPerSecond', 'authFloor')} × that of the same node with Header Auth, which checks a credential on every request as ${target} does`
				: '';
			return [
				`- ${configuration}: ${target} runs at ${range('executionsPerSecond', first.floor)} × the executions per second of its floor, ` +
					`n8n's Webhook node ${first.floor} (${range('repliesPerSecond', first.floor)} × its replies per second)${withAuth}.`,
			];
		}),
	);
}

/** What the gate costs and what each setting buys, in executions per second. */
export function tuningFigures(results: readonly LoadResult[]): string[] {
	const lines: string[] = [];
	for (const configuration of configurations(results)) {
		const v1Rows = results.filter(
			(result) => result.configuration === configuration && result.kind === 'v1',
		);
		for (const concurrency of [...new Set(v1Rows.map((row) => row.concurrency))]) {
			const rows = v1Rows.filter((row) => row.concurrency === concurrency);
			lines.push(
				`- ${configuration}, ${concurrency === 1 ? 'one request at a time' : `${concurrency} at a time`}: ` +
					`n8n's Webhook node v1, ${rows[0]?.floor === 'v1' ? 'which takes the isolate as every community trigger does' : 'with no isolate taken for any trigger'}, runs at ` +
					`${ratioRange(rows.map((row) => ratioTo(results, row, 'v2', 'executionsPerSecond')))} × the executions per second of v2 ` +
					`(${rows.map((row) => `${formatBytes(row.bytes)}: ${row.executionsPerSecond.toFixed(1)} vs ${builtin(results, row, 'v2')?.executionsPerSecond.toFixed(1) ?? '?'}`).join(', ')}).`,
			);
		}
	}
	const defaults = configurations(results)[0];
	for (const configuration of configurations(results).slice(1)) {
		const ours = results.filter(
			(result) => result.configuration === configuration && result.kind === 'ours',
		);
		const gains = ours.map((row) => {
			const before = results.find(
				(result) =>
					result.configuration === defaults &&
					result.target === row.target &&
					result.bytes === row.bytes &&
					result.concurrency === row.concurrency,
			);
			return before === undefined
				? undefined
				: ratio(row.executionsPerSecond, before.executionsPerSecond);
		});
		lines.push(
			`- ${configuration} against ${defaults}: our triggers run at ${ratioRange(gains)} × their executions per second ` +
				`(same body sizes and concurrencies).`,
		);
	}
	return lines;
}
