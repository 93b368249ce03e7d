import { genseeSamples } from './gensee.mjs';
import { qingsuyunSamples } from './qingsuyun.mjs';
import { teachbaseSamples } from './teachbase.mjs';
import type { SamplePlatform } from './types.mjs';

/** Every platform `npm run send` knows, by the name used on the command line. */
export const samplePlatforms: Record<string, SamplePlatform> = {
	gensee: genseeSamples,
	qingsuyun: qingsuyunSamples,
	teachbase: teachbaseSamples,
};
