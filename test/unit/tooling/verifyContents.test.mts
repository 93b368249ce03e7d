import { describe, expect, it } from 'vitest';

import {
	fileListProblems,
	manifestProblems,
	sourceMapProblems,
} from '../../../support/verify/contents.mjs';

const NODE = 'dist/nodes/Gensee/GenseeTrigger.node.js';
const CREDENTIAL = 'dist/credentials/EduWebhookTokenApi.credentials.js';
const GOOD_FILES = ['LICENSE', 'README.md', 'package.json', NODE, `${NODE}.map`, CREDENTIAL];
const GOOD_MANIFEST = {
	name: 'n8n-nodes-edu-events',
	scripts: { build: 'n8n-node build', test: 'vitest run' },
	devDependencies: { 'fast-xml-parser': '^5.0.0' },
	n8n: { nodes: [NODE], credentials: [CREDENTIAL] },
};

describe('tarball contents check', () => {
	it('accepts dist/, README.md, LICENSE and package.json', () => {
		expect(fileListProblems(GOOD_FILES)).toEqual([]);
		expect(manifestProblems(GOOD_MANIFEST, GOOD_FILES)).toEqual([]);
	});

	it('rejects files outside dist/, test files inside it, and stray copies beside the build', () => {
		const problems = fileListProblems([
			...GOOD_FILES,
			'nodes/Gensee/GenseeTrigger.node.ts',
			'dist/test/unit/gensee.test.js',
			'dist/nodes/Gensee/decode.spec.js.map',
			'dist/fixtures/gensee.workflows.json',
			'dist/docs/screenshots/editor.png',
		]);
		expect(problems).toEqual([
			expect.stringContaining('nodes/Gensee/GenseeTrigger.node.ts: only dist/'),
			expect.stringContaining('dist/test/unit/gensee.test.js: a test file'),
			expect.stringContaining('dist/nodes/Gensee/decode.spec.js.map: a test file'),
			expect.stringContaining('dist/fixtures/gensee.workflows.json: a test file'),
			expect.stringContaining('dist/docs/screenshots/editor.png: not part of the build'),
		]);
	});

	it('requires README.md, LICENSE and package.json', () => {
		expect(fileListProblems([NODE])).toEqual([
			'README.md: missing from the package',
			'LICENSE: missing from the package',
			'package.json: missing from the package',
		]);
	});

	it('rejects runtime dependencies and install scripts, accepts an empty dependencies object', () => {
		expect(manifestProblems({ ...GOOD_MANIFEST, dependencies: {} }, GOOD_FILES)).toEqual([]);
		const problems = manifestProblems(
			{
				...GOOD_MANIFEST,
				dependencies: { 'fast-xml-parser': '^5.0.0' },
				scripts: { postinstall: 'node x' },
			},
			GOOD_FILES,
		);
		expect(problems).toEqual([
			expect.stringContaining('runtime dependencies (fast-xml-parser)'),
			'package.json: an install script ("postinstall")',
		]);
	});

	it('rejects n8n entries that are not in the package, and a manifest without any', () => {
		expect(
			manifestProblems(
				GOOD_MANIFEST,
				GOOD_FILES.filter((file) => file !== CREDENTIAL),
			),
		).toEqual([`package.json: "n8n" lists ${CREDENTIAL}, which is not in the package`]);
		expect(manifestProblems({ name: 'x' }, GOOD_FILES)).toEqual([
			'package.json: "n8n" lists no nodes or credentials',
		]);
		expect(manifestProblems([], GOOD_FILES)).toEqual(['package.json: not a JSON object']);
	});

	it('rejects a source map of a test source', () => {
		expect(
			sourceMapProblems(`${NODE}.map`, {
				sources: ['../../../../nodes/Gensee/GenseeTrigger.node.ts'],
			}),
		).toEqual([]);
		expect(
			sourceMapProblems('dist/x.js.map', { sources: ['../test/unit/gensee.test.mts'] }),
		).toEqual(['dist/x.js.map: maps the test source ../test/unit/gensee.test.mts']);
	});
});
