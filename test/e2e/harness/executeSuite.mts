import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, expect } from 'vitest';

import {
	ensureN8nInstalled,
	freePort,
	n8nEnvironment,
	runN8nCommand,
	stagePackage,
	type N8nInstall,
} from '../../../support/n8n.mjs';
import { ENCRYPTION_KEY, renderFixture } from '../../../support/startN8n.mjs';
import {
	executeFailingWorkflow,
	executeWorkflow,
	executeWorkflowItems,
	type Execution,
	type Items,
} from './n8nExecute.mjs';

export interface ExecuteSuiteOptions {
	/** Names the n8n user folder, e.g. `agora-actions`. */
	name: string;
	/** The credentials fixture the workflows use. */
	credentials: string;
	/** The workflows fixture: manual workflows, imported and not activated. */
	workflows: string;
	/**
	 * First in the setup: prepares what the workflows call (the fake platform's state) and
	 * returns the fixtures' placeholders and their values.
	 */
	prepare: () => Promise<Record<string, string>>;
	/** Text the workflows must no longer hold once rendered (a placeholder left unfilled). */
	unfilled?: string;
}

/** Runs the suite's saved workflows with `n8n execute`, each as its own n8n process. */
export interface ExecuteSuite {
	/** Each node's output items, what n8n printed and whether it succeeded. */
	run(workflowId: string): Promise<Execution>;
	/** Runs a workflow that must succeed; each node's output items by node name. */
	items(workflowId: string): Promise<Record<string, Items>>;
	/** Runs a workflow that must fail; everything n8n printed. */
	failing(workflowId: string): Promise<string>;
}

/**
 * Per test file (or describe block): an n8n user folder with the package, the credential and
 * the workflows imported, removed after the tests. `prepare` runs first; stopping what it
 * started is the caller's.
 */
export function executeSuite(options: ExecuteSuiteOptions): ExecuteSuite {
	let userFolder: string | undefined;
	let started: { install: N8nInstall; env: NodeJS.ProcessEnv } | undefined;
	beforeAll(async () => {
		const substitutions = await options.prepare();
		const install = await ensureN8nInstalled();
		userFolder = await mkdtemp(path.join(tmpdir(), `edu-events-${options.name}-`));
		await stagePackage(userFolder);
		const env = n8nEnvironment({
			install,
			userFolder,
			port: await freePort(),
			brokerPort: await freePort(),
			extra: { N8N_ENCRYPTION_KEY: ENCRYPTION_KEY },
		});
		const renderDir = path.join(userFolder, 'fixtures');
		await mkdir(renderDir, { recursive: true });
		const credentials = await renderFixture(options.credentials, substitutions, renderDir);
		await runN8nCommand(install, ['import:credentials', `--input=${credentials}`], env);
		const workflows = await renderFixture(options.workflows, substitutions, renderDir);
		await runN8nCommand(install, ['import:workflow', `--input=${workflows}`], env);
		if (options.unfilled !== undefined) {
			expect((await readFile(workflows, 'utf8')).includes(options.unfilled)).toBe(false);
		}
		started = { install, env };
	}, 300_000);
	afterAll(async () => {
		if (userFolder) await rm(userFolder, { recursive: true, force: true });
	});
	const ready = () => {
		if (!started) throw new Error(`${options.name}: n8n is not set up (its beforeAll failed)`);
		return started;
	};
	return {
		run: (workflowId) => executeWorkflow(ready().install, ready().env, workflowId),
		items: (workflowId) => executeWorkflowItems(ready().install, ready().env, workflowId),
		failing: (workflowId) => executeFailingWorkflow(ready().install, ready().env, workflowId),
	};
}
