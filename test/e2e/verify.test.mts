/**
 * `npm run verify` on a copy of the package: the unmodified copy passes; with a node file that
 * logs to the console and a credential class without the `Api` suffix it fails and names the
 * rules, in the source and in the compiled tarball. The bad files only ever exist in the copy.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { REPO_ROOT } from '../../support/n8n.mjs';

/** What `npm run build` and `npm pack` need; node_modules is linked, not copied. */
const COPIED = [
	'package.json',
	'tsconfig.json',
	'.npmrc',
	'index.ts',
	'README.md',
	'LICENSE',
	'nodes',
	'credentials',
	'scripts/bundle-vendor.mts',
];

const NOISY_NODE = `export function noisy(): string {
	console.log('debugging');
	return 'noisy';
}
`;

const UNSUFFIXED_CREDENTIAL = `import type { ICredentialType, INodeProperties } from 'n8n-workflow';

export class BadToken implements ICredentialType {
	name = 'badToken';

	displayName = 'Bad Token';

	properties: INodeProperties[] = [];
}
`;

interface Run {
	code: number;
	output: string;
}

async function runVerify(root: string): Promise<Run> {
	const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
	return await new Promise((resolve) => {
		execFile(
			tsx,
			[path.join(REPO_ROOT, 'scripts', 'verify.mts'), root],
			{ cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 },
			(error, stdout, stderr) => {
				const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
				resolve({ code, output: `${stdout}${stderr}` });
			},
		);
	});
}

let copy: string;

beforeAll(async () => {
	copy = await mkdtemp(path.join(tmpdir(), 'edu-events-verify-copy-'));
	for (const entry of COPIED) {
		await mkdir(path.dirname(path.join(copy, entry)), { recursive: true });
		await cp(path.join(REPO_ROOT, entry), path.join(copy, entry), { recursive: true });
	}
	await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
});

afterAll(async () => {
	await rm(copy, { recursive: true, force: true });
});

describe('npm run verify', () => {
	it('passes on an unmodified copy of the package', async () => {
		const run = await runVerify(copy);
		expect(run.output).toContain('scanner, source');
		expect(run.output).toMatch(/tarball n8n-nodes-edu-events-[\d.]+\.tgz: \d+ bytes .*, \d+ files/);
		expect(run.output).toContain('[verify] passed');
		expect(run.code).toBe(0);
	}, 180_000);

	it('fails on a node file that logs and a credential class without the Api suffix', async () => {
		await mkdir(path.join(copy, 'nodes', 'Noisy'), { recursive: true });
		await writeFile(path.join(copy, 'nodes', 'Noisy', 'noisy.ts'), NOISY_NODE);
		await writeFile(
			path.join(copy, 'credentials', 'BadToken.credentials.ts'),
			UNSUFFIXED_CREDENTIAL,
		);

		const run = await runVerify(copy);
		expect(run.code).toBe(1);
		expect(run.output).toContain('scanner, source');
		expect(run.output).toContain('nodes/Noisy/noisy.ts');
		expect(run.output).toContain('no-console');
		expect(run.output).toContain('credentials/BadToken.credentials.ts');
		expect(run.output).toContain('n8n-nodes-base/cred-class-name-unsuffixed');
		// The compiled file in the tarball is caught as well.
		expect(run.output).toMatch(/scanner, tarball .*FAILED/);
		expect(run.output).toContain('dist/nodes/Noisy/noisy.js');
		expect(run.output).toContain('FAILED: fix the findings above');
		expect(existsSync(path.join(REPO_ROOT, 'nodes', 'Noisy'))).toBe(false);
		expect(existsSync(path.join(REPO_ROOT, 'credentials', 'BadToken.credentials.ts'))).toBe(false);
	}, 180_000);
});
