/**
 * Replaces tsc's re-export stubs in dist/nodes/shared/vendor/ with self-contained bundles, so the
 * published package runs without installing fast-xml-parser or fflate (n8n's verification rule:
 * no runtime dependencies). Runs after `n8n-node build`.
 */
import { build, type BuildOptions } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vendorSource = path.join(root, 'nodes', 'shared', 'vendor');
const vendorDist = path.join(root, 'dist', 'nodes', 'shared', 'vendor');

const common: BuildOptions = {
	bundle: true,
	format: 'cjs',
	target: 'node20',
	legalComments: 'inline',
	logLevel: 'warning',
};

await build({
	...common,
	entryPoints: [path.join(vendorSource, 'xmlParser.ts')],
	outfile: path.join(vendorDist, 'xmlParser.js'),
	platform: 'node',
});

// fflate's Node build loads worker_threads for its asynchronous API; the neutral platform picks
// its plain ESM build instead, from which only the synchronous deflate is kept.
await build({
	...common,
	entryPoints: [path.join(vendorSource, 'deflate.ts')],
	outfile: path.join(vendorDist, 'deflate.js'),
	platform: 'neutral',
	mainFields: ['module', 'main'],
});
