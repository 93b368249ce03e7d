/**
 * scripts/install-n8n.sh reports progress on stderr while it works. The real install takes
 * minutes, so `npm` is replaced by a stand-in on PATH that lays out what the script expects
 * (n8n, the node@24 package, sqlite3, node-gyp) and takes a few seconds; the heartbeat interval
 * is set to one second.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { REPO_ROOT } from '../../../support/n8n.mjs';

const VERSION = '9.9.9';

const FAKE_NPM = `#!/usr/bin/env bash
set -e
case "$1" in
  prefix) echo "$FAKE_NPM_PREFIX" ;;
  install)
    mkdir -p node_modules/n8n/bin node_modules/node/bin node_modules/sqlite3
    echo '{}' > node_modules/sqlite3/package.json
    echo '' > node_modules/node/installArchSpecificPackage
    printf '#!/bin/sh\\necho v24.0.0-stand-in\\n' > node_modules/node/bin/node
    chmod +x node_modules/node/bin/node
    head -c 3000000 /dev/zero > node_modules/n8n/payload
    sleep 2.5
    ;;
  *) echo "unexpected npm $*" >&2; exit 1 ;;
esac
`;

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
	ms: number;
}

let work: string;
let env: NodeJS.ProcessEnv;

function install(): Promise<Run> {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn('bash', [path.join(REPO_ROOT, 'scripts', 'install-n8n.sh'), VERSION], {
			env,
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
	});
}

beforeAll(async () => {
	work = await mkdtemp(path.join(tmpdir(), 'edu-events-install-progress-'));
	const bin = path.join(work, 'bin');
	const prefix = path.join(work, 'prefix');
	const nodeGyp = path.join(
		prefix,
		'lib',
		'node_modules',
		'npm',
		'node_modules',
		'node-gyp',
		'bin',
	);
	await mkdir(bin, { recursive: true });
	await mkdir(nodeGyp, { recursive: true });
	await writeFile(path.join(bin, 'npm'), FAKE_NPM);
	await chmod(path.join(bin, 'npm'), 0o755);
	await writeFile(path.join(nodeGyp, 'node-gyp.js'), '');
	env = {
		...process.env,
		PATH: `${bin}:${process.env.PATH ?? ''}`,
		EDU_EVENTS_CACHE: path.join(work, 'cache'),
		EDU_EVENTS_PROGRESS_INTERVAL: '1',
		FAKE_NPM_PREFIX: prefix,
	};
});

afterAll(async () => {
	await rm(work, { recursive: true, force: true });
});

describe('scripts/install-n8n.sh progress', () => {
	it('names each step, says every interval that it is still working, and how big the install is', async () => {
		const [first, second] = await Promise.all([
			install(),
			new Promise<Run>((resolve) => setTimeout(() => resolve(install()), 300)),
		]);
		const target = path.join(work, 'cache', `n8n-${VERSION}`);

		expect(first.code).toBe(0);
		expect(first.stdout.trim().split('\n').at(-1)).toBe(target);
		const lines = first.stderr.split('\n');
		const index = (pattern: RegExp): number => lines.findIndex((line) => pattern.test(line));
		expect(
			index(new RegExp(`installing n8n ${VERSION.replace(/\./g, '\\.')} into ${target}`)),
		).toBeGreaterThanOrEqual(0);
		const downloading = index(/downloading and unpacking n8n .* \(npm install\)/);
		const heartbeat = index(/still downloading packages: \d+ s so far, [2-9]\d* MB in /);
		const node24 = index(/installing Node 24/);
		const sqlite = index(/building sqlite3/);
		const ready = index(/n8n 9\.9\.9 ready after \d+ s/);
		expect(downloading).toBeGreaterThanOrEqual(0);
		expect(heartbeat).toBeGreaterThan(downloading);
		expect(node24).toBeGreaterThan(heartbeat);
		expect(sqlite).toBeGreaterThan(node24);
		expect(ready).toBeGreaterThan(sqlite);
		// No heartbeat outlives its step.
		expect(lines.slice(node24).some((line) => line.includes('still downloading'))).toBe(false);

		// A second caller at the same time waits for the first and says so.
		expect(second.code).toBe(0);
		expect(second.stderr).toContain(`waiting for another install of n8n ${VERSION}`);
		expect(second.stdout.trim()).toBe(target);
	}, 30_000);

	it('prints nothing but the folder once n8n is installed', async () => {
		const run = await install();
		expect(run.code).toBe(0);
		expect(run.stderr).toBe('');
		expect(run.stdout.trim()).toBe(path.join(work, 'cache', `n8n-${VERSION}`));
		expect(run.ms).toBeLessThan(2000);
	});
});
