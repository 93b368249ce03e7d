import { qingsuyunBench } from './qingsuyun.mjs';
import type { BenchPlatform } from './types.mjs';

/** Every platform `npm run bench` measures. */
export const benchPlatforms: readonly BenchPlatform[] = [qingsuyunBench];
