/**
 * Every webhook trigger's hostile corpus. A platform joins the run by exporting a
 * `HostilePlatform` (see types.mts and qingsuyun/index.mts) and being listed here.
 */
import { genseeHostile } from './gensee/index.mjs';
import { qingsuyunHostile } from './qingsuyun/index.mjs';
import { teachbaseHostile } from './teachbase/index.mjs';
import type { HostilePlatform } from './types.mjs';

export const hostilePlatforms: readonly HostilePlatform[] = [
	qingsuyunHostile,
	teachbaseHostile,
	genseeHostile,
];
