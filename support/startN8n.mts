/**
 * One real n8n per end-to-end test file (or bench configuration): the package installed as a
 * Community Nodes install would, the given credentials and workflows imported and published, n8n started on free loopback ports
 * with a throwaway user folder and its default SQLite database, and everything removed at stop.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
	ensureN8nInstalled,
	freePort,
	n8nEnvironment,
	REPO_ROOT,
	runN8nCommand,
	spawnN8n,
	stagePackage,
	waitForHealthy,
	type N8nInstall,
} from './n8n.mjs';
import { ManagedProcess, pollUntil, type LogSource } from './process.mjs';

export const FIXTURES_DIR = path.join(REPO_ROOT, 'support', 'fixtures');

/** A fixed key so credentials imported in plain text are encrypted and read back consistently. */
export const ENCRYPTION_KEY = 'edu-events-e2e-encryption-key-0001';

export interface StartOptions {
	/** Credential fixture files in support/fixtures (n8n export format, plain `data`). */
	credentials: string[];
	/** Workflow fixture files in support/fixtures; each is imported and published. */
	workflows: string[];
	/** `{{NAME}}` placeholders in the fixtures and their values (e.g. SINK_URL). */
	substitutions: Record<string, string>;
	/** Webhook paths (`<webhookId>/<path>`) to wait for before the tests start. */
	webhooks: string[];
	extraEnv?: Record<string, string>;
}

export interface ExecutionRow {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	/** When the execution finished, as n8n stores it (UTC); absent while it runs. */
	stoppedAt?: string;
}

interface Sqlite3Database {
	all(
		sql: string,
		params: unknown[],
		callback: (error: Error | null, rows: unknown[]) => void,
	): void;
	close(callback: (error: Error | null) => void): void;
}

interface Sqlite3Module {
	Database: new (
		file: string,
		mode: number,
		callback: (error: Error | null) => void,
	) => Sqlite3Database;
	OPEN_READONLY: number;
}

function isSqlite3Module(value: unknown): value is Sqlite3Module {
	return (
		typeof value === 'object' &&
		value !== null &&
		'Database' in value &&
		typeof value.Database === 'function' &&
		'OPEN_READONLY' in value
	);
}

export class RunningN8n implements LogSource {
	/** What the n8n processes before the current one (this one's earlier launches) printed. */
	private earlierOutput = '';
	private child: ManagedProcess | undefined;

	constructor(
		readonly baseUrl: string,
		readonly userFolder: string,
		private readonly install: N8nInstall,
		private readonly env: NodeJS.ProcessEnv,
		private webhooks: readonly string[],
	) {}

	/** Starts `n8n start` and waits until it is healthy and every expected webhook is registered. */
	async launch(): Promise<void> {
		if (this.child) this.earlierOutput += this.child.log();
		const n8n = new ManagedProcess('n8n', spawnN8n(this.install, ['start'], this.env, 'pipe'));
		this.child = n8n;
		try {
			await waitForHealthy(this.baseUrl, n8n);
			for (const webhook of this.webhooks) {
				await waitForWebhook(`${this.baseUrl}/webhook/${webhook}`, this);
			}
		} catch (error) {
			await n8n.stop();
			throw error;
		}
	}

	/**
	 * Sends n8n a signal, as an operator or the system would: SIGTERM to the n8n process (a deploy,
	 * `docker stop`), SIGKILL to its whole group (a crash, the OOM killer). Resolves when n8n has
	 * exited; n8n's own graceful shutdown decides how long that takes after SIGTERM. What n8n left
	 * behind in its group (its task runner) goes with it.
	 */
	async signal(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
		if (!this.child) throw new Error('n8n is not running');
		await this.child.signal(signal);
	}

	/** Stops n8n and starts it again on the same user folder, database and port. */
	async restart(): Promise<void> {
		await this.stopProcess();
		await this.launch();
	}

	/**
	 * Imports and activates (unless told not to) more workflow files (n8n's export format) — n8n
	 * is stopped meanwhile, as the CLI wants — then starts n8n again and waits for `webhooks` too.
	 */
	async importWorkflows(
		files: readonly string[],
		webhooks: readonly string[],
		{ activate = true }: { activate?: boolean } = {},
	): Promise<void> {
		await this.stopProcess();
		for (const file of files) await importAndActivate(this.install, this.env, file, activate);
		this.webhooks = [...this.webhooks, ...webhooks];
		await this.launch();
	}

	/** Everything n8n printed so far. */
	log(): string {
		return this.earlierOutput + (this.child?.log() ?? '');
	}

	/** The production URL of a trigger: `/webhook/<webhookId>/<path>`. */
	webhookUrl(webhookId: string, webhookPath: string): string {
		return `${this.baseUrl}/webhook/${webhookId}/${webhookPath}`;
	}

	isRunning(): boolean {
		return this.child?.isRunning() ?? false;
	}

	/**
	 * Executions n8n recorded for a workflow, read from its SQLite database; with `afterId`, only
	 * those with a higher id (the ones started since).
	 */
	async executions(workflowId: string, afterId = 0): Promise<ExecutionRow[]> {
		const rows = await this.query(
			'SELECT id, workflowId, status, mode, stoppedAt FROM execution_entity WHERE workflowId = ? AND id > ? ORDER BY id',
			[workflowId, afterId],
		);
		return rows.filter(isExecutionRow).map(({ stoppedAt, ...row }) => ({
			...row,
			id: String(row.id),
			...(typeof stoppedAt === 'string' ? { stoppedAt } : {}),
		}));
	}

	/** How many executions n8n recorded for a workflow so far. */
	async executionCount(workflowId: string): Promise<number> {
		return (await this.executions(workflowId)).length;
	}

	/** The stored run data of every execution of a workflow (to check what the trigger emitted). */
	async executionData(workflowId: string): Promise<string[]> {
		const rows = await this.query(
			'SELECT d.data AS data FROM execution_data d JOIN execution_entity e ON e.id = d.executionId WHERE e.workflowId = ?',
			[workflowId],
		);
		return rows.map((row) =>
			typeof row === 'object' && row !== null && 'data' in row ? String(row.data) : '',
		);
	}

	/** Every execution of a workflow with its status and stored run data, oldest first. */
	async executionRecords(
		workflowId: string,
	): Promise<Array<{ id: string; status: string; data: string }>> {
		const rows = await this.query(
			'SELECT e.id AS id, e.status AS status, d.data AS data FROM execution_entity e LEFT JOIN execution_data d ON d.executionId = e.id WHERE e.workflowId = ? ORDER BY e.id',
			[workflowId],
		);
		return rows.flatMap((row) =>
			typeof row === 'object' && row !== null && 'id' in row && 'status' in row
				? [
						{
							id: String(row.id),
							status: String(row.status),
							data: 'data' in row ? String(row.data ?? '') : '',
						},
					]
				: [],
		);
	}

	private async query(sql: string, params: unknown[]): Promise<unknown[]> {
		const sqlite3: unknown = createRequire(
			path.join(this.install.nodeModules, 'n8n', 'package.json'),
		)('sqlite3');
		if (!isSqlite3Module(sqlite3)) throw new Error('sqlite3 from the n8n install did not load');
		const file = path.join(this.userFolder, '.n8n', 'database.sqlite');
		const db = await new Promise<Sqlite3Database>((resolve, reject) => {
			const opened = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) =>
				error ? reject(error) : resolve(opened),
			);
		});
		try {
			return await new Promise<unknown[]>((resolve, reject) =>
				db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows))),
			);
		} finally {
			await new Promise<void>((resolve) => db.close(() => resolve()));
		}
	}

	/** Stops n8n and its process group (its task runner): SIGTERM, SIGKILL after 20 s. */
	private async stopProcess(): Promise<void> {
		await this.child?.stop();
	}

	/** Stops n8n and deletes its user folder. */
	async stop(): Promise<void> {
		await this.stopProcess();
		await rm(this.userFolder, { recursive: true, force: true });
	}
}

function isExecutionRow(value: unknown): value is ExecutionRow {
	return typeof value === 'object' && value !== null && 'id' in value && 'status' in value;
}

export async function renderFixture(
	name: string,
	substitutions: Record<string, string>,
	outputDir: string,
): Promise<string> {
	let text = await readFile(path.join(FIXTURES_DIR, name), 'utf8');
	for (const [key, value] of Object.entries(substitutions)) {
		text = text.split(`{{${key}}}`).join(value);
	}
	const leftover = /\{\{[A-Z_]+\}\}/.exec(text);
	if (leftover) throw new Error(`fixture ${name}: no value for ${leftover[0]}`);
	const target = path.join(outputDir, name);
	await writeFile(target, text);
	return target;
}

export function workflowIds(fixtureText: string): string[] {
	const parsed: unknown = JSON.parse(fixtureText);
	const list = Array.isArray(parsed) ? parsed : [parsed];
	return list.flatMap((workflow: unknown) =>
		typeof workflow === 'object' &&
		workflow !== null &&
		'id' in workflow &&
		typeof workflow.id === 'string'
			? [workflow.id]
			: [],
	);
}

/**
 * Waits until n8n has registered a production webhook. Probing with PATCH (which no trigger here
 * registers) starts nothing: n8n answers "not registered" until the path exists.
 */
export async function waitForWebhook(
	url: string,
	logSource?: LogSource,
	timeoutMs = 60_000,
): Promise<void> {
	await pollUntil(
		async () => {
			const response = await fetch(url, { method: 'PATCH' });
			// Only n8n's own answer counts: while it starts, n8n may answer with Express's bare
			// "Cannot PATCH …" or a 5xx before its webhook routes exist (seen under load in CI).
			return (await response.text()).includes('not registered for PATCH');
		},
		{ timeout: timeoutMs, describe: `webhook ${url} to be registered`, logSource },
	);
}

/** n8n 2.x publishes a workflow; 1.x has no publishing and activates it instead. */
export function activationCommand(install: N8nInstall, workflowId: string): string[] {
	return install.version.startsWith('1.')
		? ['update:workflow', `--id=${workflowId}`, '--active=true']
		: ['publish:workflow', `--id=${workflowId}`];
}

/** Imports a workflow file with n8n's CLI and activates (2.x: publishes) each workflow in it. */
async function importAndActivate(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	file: string,
	activate = true,
): Promise<void> {
	await runN8nCommand(install, ['import:workflow', `--input=${file}`], env);
	if (!activate) return;
	for (const id of workflowIds(await readFile(file, 'utf8'))) {
		await runN8nCommand(install, activationCommand(install, id), env);
	}
}

export async function startN8n(options: StartOptions): Promise<RunningN8n> {
	const install = await ensureN8nInstalled();
	const userFolder = await mkdtemp(path.join(tmpdir(), 'edu-events-n8n-'));
	try {
		await stagePackage(userFolder);
		const port = await freePort();
		const brokerPort = await freePort();
		const env = n8nEnvironment({
			install,
			userFolder,
			port,
			brokerPort,
			extra: { N8N_ENCRYPTION_KEY: ENCRYPTION_KEY, ...options.extraEnv },
		});

		const renderDir = path.join(userFolder, 'fixtures');
		await mkdir(renderDir, { recursive: true });
		for (const name of options.credentials) {
			const file = await renderFixture(name, options.substitutions, renderDir);
			await runN8nCommand(install, ['import:credentials', `--input=${file}`], env);
		}
		for (const name of options.workflows) {
			await importAndActivate(
				install,
				env,
				await renderFixture(name, options.substitutions, renderDir),
			);
		}

		const running = new RunningN8n(
			`http://127.0.0.1:${port}`,
			userFolder,
			install,
			env,
			options.webhooks,
		);
		await running.launch();
		return running;
	} catch (error) {
		await rm(userFolder, { recursive: true, force: true });
		throw error;
	}
}
