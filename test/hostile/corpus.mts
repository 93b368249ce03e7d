/**
 * Every webhook trigger's hostile corpus. A platform is a folder of category files,
 * `<platform>/<category>.mts`, whose `index.mts` adds them in a fixed order and exports the
 * `HostilePlatform` (see types.mts) listed here. What the platforms share sits beside this file:
 * the builder, wrong secrets, body mutations, sizes and content types, the fixtures, the basics
 * of a protocol check. `npx tsx test/hostile/digest.mts` prints each corpus's count and hashes.
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
