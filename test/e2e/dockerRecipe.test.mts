/**
 * The Docker recipe without Docker (no Docker engine runs here): docker/Dockerfile's RUN line is
 * repeated on this machine — the packed package installed with the same npm flags into
 * <tmp>/home/node/.n8n/nodes — and the n8n version of its FROM line is started with that home as
 * its user folder, as the official image starts n8n (HOME=/home/node). The nodes must load and a
 * published Gensee Trigger must answer and start an execution.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
	ensureN8nInstalled,
	freePort,
	n8nEnvironment,
	PACKAGE_NAME,
	REPO_ROOT,
	runN8nCommand,
	type N8nInstall,
} from '../../support/n8n.mjs';
import { pollUntil } from '../../support/process.mjs';
import { genseeDelivery } from '../../support/samples/gensee.mjs';
import { packAndUnpack } from '../../support/verify/pack.mjs';
import { readDockerRecipe, type DockerRecipe } from './harness/dockerfile.mjs';
import {
	activationCommand,
	ENCRYPTION_KEY,
	FIXTURES_DIR,
	RunningN8n,
	type ExecutionRow,
} from '../../support/startN8n.mjs';

const execFileAsync = promisify(execFile);

const WORKFLOW_ID = 'dockerGensee0001';
const HOOK = 'docker-gensee';
const FIXTURE = path.join(FIXTURES_DIR, 'dockerRecipe.workflows.json');

let recipe: DockerRecipe;
let work: string;
let install: N8nInstall;
let imageHome: string;
const running: RunningN8n[] = [];

/** Imports and publishes the Gensee workflow in `home`, then starts n8n there. */
async function startN8nIn(
	home: string,
	extraEnv: Record<string, string> = {},
): Promise<RunningN8n> {
	const port = await freePort();
	const env = n8nEnvironment({
		install,
		userFolder: home,
		port,
		brokerPort: await freePort(),
		extra: { N8N_ENCRYPTION_KEY: ENCRYPTION_KEY, GENERIC_TIMEZONE: 'Asia/Shanghai', ...extraEnv },
	});
	await runN8nCommand(install, ['import:workflow', `--input=${FIXTURE}`], env);
	await runN8nCommand(install, activationCommand(install, WORKFLOW_ID), env);
	const n8n = new RunningN8n(`http://127.0.0.1:${port}`, home, install, env, [`${HOOK}/gensee`]);
	running.push(n8n);
	await n8n.launch();
	return n8n;
}

async function sendGensee101(n8n: RunningN8n): Promise<{ status: number; text: string }> {
	const delivery = genseeDelivery('101');
	const url = new URL(n8n.webhookUrl(HOOK, 'gensee'));
	for (const [key, value] of Object.entries(delivery.query ?? {})) url.searchParams.set(key, value);
	const response = await fetch(url, { method: delivery.method });
	return { status: response.status, text: await response.text() };
}

/** The workflow's executions once at least one has run and none is still queued or running. */
async function finishedExecutions(n8n: RunningN8n): Promise<ExecutionRow[]> {
	let rows: ExecutionRow[] = [];
	return await pollUntil(
		async () => {
			rows = await n8n.executions(WORKFLOW_ID);
			return (
				rows.length > 0 && rows.every((row) => !['new', 'running'].includes(row.status)) && rows
			);
		},
		{
			timeout: 30_000,
			describe: () =>
				`a finished execution (statuses: ${rows.map((row) => row.status).join(', ') || 'none'})`,
			logSource: n8n,
		},
	);
}

/** A copy of the image's home with only what the RUN line put there (no database yet). */
async function freshImageHome(name: string): Promise<string> {
	const home = path.join(work, name, 'home', 'node');
	await cp(path.join(imageHome, '.n8n', 'nodes'), path.join(home, '.n8n', 'nodes'), {
		recursive: true,
	});
	return home;
}

beforeAll(async () => {
	recipe = await readDockerRecipe();
	work = await mkdtemp(path.join(tmpdir(), 'edu-events-docker-recipe-'));
	const packDir = path.join(work, 'pack');
	await mkdir(packDir);
	// dist/ is fresh: the e2e global setup builds it.
	const tarball = await packAndUnpack(REPO_ROOT, packDir);

	// RUN mkdir -p DIR && cd DIR && npm install FLAGS PACKAGE, with DIR under <work>/image.
	imageHome = path.join(work, 'image', 'home', 'node');
	const nodesDir = path.join(work, 'image', recipe.nodesDir);
	await mkdir(nodesDir, { recursive: true });
	await execFileAsync('npm', ['install', ...recipe.npmFlags, tarball.file], {
		cwd: nodesDir,
		maxBuffer: 64 * 1024 * 1024,
	});

	install = await ensureN8nInstalled(recipe.n8nVersion);
}, 600_000);

afterAll(async () => {
	for (const n8n of running) await n8n.stop();
	if (work) await rm(work, { recursive: true, force: true });
});

describe('the Docker recipe (docker/Dockerfile), repeated without Docker', () => {
	it('installs into the image user home, as the node user, from n8n 2.x', () => {
		expect(recipe.user).toBe('node');
		expect(recipe.nodesDir).toBe('/home/node/.n8n/nodes');
		expect(recipe.npmFlags).toEqual(
			expect.arrayContaining(['--omit=dev', '--omit=peer', '--ignore-scripts']),
		);
		expect(recipe.packageSpec.startsWith(PACKAGE_NAME)).toBe(true);
	});

	it('puts the package alone in the nodes folder (n8n-workflow comes from n8n)', async () => {
		const installed = (await readdir(path.join(imageHome, '.n8n', 'nodes', 'node_modules'))).filter(
			(name) => !name.startsWith('.'),
		);
		expect(installed).toEqual([PACKAGE_NAME]);
		const manifest: unknown = JSON.parse(
			await readFile(
				path.join(imageHome, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME, 'package.json'),
				'utf8',
			),
		);
		const own: unknown = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
		expect(manifest).toMatchObject({
			name: PACKAGE_NAME,
			version: typeof own === 'object' && own !== null && 'version' in own ? own.version : '?',
		});
	});

	it('the n8n of the FROM line loads the nodes from it: a Gensee Trigger answers and starts an execution', async () => {
		const n8n = await startN8nIn(await freshImageHome('single'));
		expect(await sendGensee101(n8n)).toEqual({ status: 200, text: '' });
		const executions = await finishedExecutions(n8n);
		expect(executions.map((execution) => execution.status)).toEqual(['success']);
		expect(n8n.log()).not.toMatch(/Unrecognized node type/i);
	}, 300_000);

	// What the README says about N8N_COMMUNITY_PACKAGES_ENABLED=false, measured.
	it('with N8N_COMMUNITY_PACKAGES_ENABLED=false the installed nodes still run; n8n reports Community Nodes as off', async () => {
		const n8n = await startN8nIn(await freshImageHome('disabled'), {
			N8N_COMMUNITY_PACKAGES_ENABLED: 'false',
		});
		expect(await sendGensee101(n8n)).toEqual({ status: 200, text: '' });
		expect((await finishedExecutions(n8n)).map((execution) => execution.status)).toEqual([
			'success',
		]);
		const settings = await fetch(`${n8n.baseUrl}/rest/settings`);
		expect(await settings.text()).toMatch(/"communityNodesEnabled":false/);
	}, 300_000);
});
