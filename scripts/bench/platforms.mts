import { genseeBench } from './gensee.mjs';
import { qingsuyunBench } from './qingsuyun.mjs';
import { teachbaseBench } from './teachbase.mjs';
import type { BenchPlatform } from './types.mjs';

/** Every platform `npm run bench` measures. */
export const benchPlatforms: readonly BenchPlatform[] = [
	qingsuyunBench,
	teachbaseBench,
	genseeBench,
];
