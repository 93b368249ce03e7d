/**
 * Replaces tsc's re-export stubs in dist/nodes/shared/vendor/ with self-contained bundles, so the
 * published package runs without installing fast-xml-parser (n8n's verification rule: no runtime
 * dependencies). Runs after `n8n-node build`.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
	entryPoints: [path.join(root, 'nodes', 'shared', 'vendor', 'xmlParser.ts')],
	outfile: path.join(root, 'dist', 'nodes', 'shared', 'vendor', 'xmlParser.js'),
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	legalComments: 'inline',
	logLevel: 'warning',
});
