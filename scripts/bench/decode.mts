import type { DecodeBenchCase } from './types.mjs';

export interface DecodeResult {
	platform: string;
	label: string;
	bytes: number;
	iterations: number;
	microsPerEvent: number;
}

const MIN_DURATION_NS = 400_000_000n;
const MIN_ITERATIONS = 20;
const MAX_ITERATIONS = 1_000_000;

/** Runs each case repeatedly (after a warm-up) and reports the mean time per event. */
export function benchDecode(cases: readonly DecodeBenchCase[]): DecodeResult[] {
	return cases.map((benchCase) => {
		for (let warmup = 0; warmup < 5; warmup++) benchCase.decode();
		let iterations = 0;
		const started = process.hrtime.bigint();
		let elapsed = 0n;
		while (
			(elapsed < MIN_DURATION_NS || iterations < MIN_ITERATIONS) &&
			iterations < MAX_ITERATIONS
		) {
			benchCase.decode();
			iterations++;
			elapsed = process.hrtime.bigint() - started;
		}
		return {
			platform: benchCase.platform,
			label: benchCase.label,
			bytes: benchCase.bytes,
			iterations,
			microsPerEvent: Number(elapsed) / 1000 / iterations,
		};
	});
}
