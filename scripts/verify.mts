/**
 * `npm run verify [root]`: what n8n's verification checks, run locally before a release.
 * Builds the package, packs it, and runs n8n's scanner on the source (its SOURCE_FILE_PATTERNS)
 * and on the unpacked tarball (compiled .js and package.json); then checks what the tarball holds.
 * Exits non-zero on any finding. `root` defaults to this repository.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import {
	fileListProblems,
	manifestProblems,
	sourceMapProblems,
} from '../support/verify/contents.mjs';
import { packAndUnpack, type PackedTarball } from '../support/verify/pack.mjs';
import type { ScanResult } from '../support/verify/scan.mjs';

const execFileAsync = promisify(execFile);
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function log(line: string): void {
	process.stdout.write(`[verify] ${line}\n`);
}

async function build(root: string): Promise<void> {
	try {
		await execFileAsync('npm', ['run', 'build', '--silent'], {
			cwd: root,
			maxBuffer: 64 * 1024 * 1024,
		});
	} catch (error) {
		const output =
			error instanceof Error && 'stdout' in error && 'stderr' in error
				? `${String(error.stdout)}${String(error.stderr)}`
				: '';
		throw new Error(`npm run build failed in ${root}\n${output}`);
	}
}

function reportScan(label: string, result: ScanResult): boolean {
	if (result.passed) {
		log(`scanner, ${label}: no findings`);
		return true;
	}
	log(`scanner, ${label}: FAILED (${result.message})`);
	if (result.details.trim()) process.stdout.write(`${result.details.trim()}\n`);
	return false;
}

async function contentProblems(tarball: PackedTarball): Promise<string[]> {
	const manifest: unknown = JSON.parse(
		await readFile(path.join(tarball.directory, 'package.json'), 'utf8'),
	);
	const problems = [
		...fileListProblems(tarball.files),
		...manifestProblems(manifest, tarball.files),
	];
	for (const mapFile of tarball.files.filter((file) => file.endsWith('.map'))) {
		const sourceMap: unknown = JSON.parse(
			await readFile(path.join(tarball.directory, mapFile), 'utf8'),
		);
		problems.push(...sourceMapProblems(mapFile, sourceMap));
	}
	return problems;
}

async function verify(root: string): Promise<boolean> {
	// eslint-plugin-n8n-nodes-base reads NODE_ENV when it loads: with "test" (set by vitest) it
	// treats every file as Test.node.ts and reports false filename findings.
	if (process.env.NODE_ENV === 'test') delete process.env.NODE_ENV;
	const { scan, SOURCE_FILE_PATTERNS, TARBALL_FILE_PATTERNS } =
		await import('../support/verify/scan.mjs');

	log(`building ${root}`);
	await build(root);

	const workDir = await mkdtemp(path.join(tmpdir(), 'edu-events-verify-'));
	try {
		const tarball = await packAndUnpack(root, workDir);
		log(
			`tarball ${path.basename(tarball.file)}: ${tarball.bytes} bytes (${(tarball.bytes / 1024).toFixed(1)} KiB), ${tarball.files.length} files`,
		);

		const sourceOk = reportScan(
			`source (${SOURCE_FILE_PATTERNS.join(' ')})`,
			await scan(root, SOURCE_FILE_PATTERNS),
		);
		const tarballOk = reportScan(
			`tarball (${TARBALL_FILE_PATTERNS.join(' ')})`,
			await scan(tarball.directory, TARBALL_FILE_PATTERNS),
		);

		const problems = await contentProblems(tarball);
		if (problems.length === 0)
			log('tarball contents: dist/, README.md, LICENSE, package.json; no runtime dependencies');
		else {
			log(`tarball contents: FAILED (${problems.length})`);
			for (const problem of problems) process.stdout.write(`  ${problem}\n`);
		}
		return sourceOk && tarballOk && problems.length === 0;
	} finally {
		await rm(workDir, { recursive: true, force: true });
	}
}

const root = path.resolve(process.argv[2] ?? REPO_ROOT);
verify(root).then(
	(passed) => {
		log(passed ? 'passed' : 'FAILED: fix the findings above before publishing');
		process.exitCode = passed ? 0 : 1;
	},
	(error: unknown) => {
		log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
		process.exitCode = 1;
	},
);
