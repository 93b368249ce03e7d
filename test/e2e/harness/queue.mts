/**
 * A real n8n in queue mode, as a self-hosted team scales it out: Redis and PostgreSQL started by
 * the test on loopback, one main instance (`n8n start`), one webhook processor (`n8n webhook`)
 * and two workers (`n8n worker --concurrency=5`). Every process has its own user folder holding
 * the package (as a Community Nodes install puts it) and its own ports, and all share the
 * encryption key, the queue and the database. `stop()` ends everything by pid and deletes every
 * temporary folder, also when a test failed.
 */
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
	ensureN8nInstalled,
	freePort,
	n8nEnvironment,
	queueModeEnvironment,
	runN8nCommand,
	stagePackage,
	workerHealthEnvironment,
	waitForHealthy,
	type N8nInstall,
} from '../../../support/n8n.mjs';
import { ManagedProcess, sleep } from '../../../support/process.mjs';
import {
	activationCommand,
	ENCRYPTION_KEY,
	renderFixture,
	waitForWebhook,
	workflowIds,
	type ExecutionRow,
} from '../../../support/startN8n.mjs';
import { startPostgres, startRedis, type PostgresServer, type RedisServer } from './services.mjs';

const DATABASE = 'n8n';
export const WORKER_CONCURRENCY = 5;
export const WORKER_COUNT = 2;

export interface QueueStartOptions {
	credentials: string[];
	workflows: string[];
	substitutions: Record<string, string>;
	/** Webhook paths (`<webhookId>/<path>`) the webhook processor must serve before tests start. */
	webhooks: string[];
	/** Redis keeps its data across a restart (see `RedisOptions`). */
	persistentRedis?: boolean;
}

interface N8nProcess {
	role: 'main' | 'webhook' | `worker${number}`;
	baseUrl: string;
	process: ManagedProcess;
}

export class QueueN8n {
	private readonly processes: N8nProcess[] = [];
	redis: RedisServer | undefined;
	postgres: PostgresServer | undefined;
	private mainSettings: { env: NodeJS.ProcessEnv; baseUrl: string } | undefined;
	private webhookSettings: { env: NodeJS.ProcessEnv; baseUrl: string } | undefined;
	private webhookPaths: readonly string[] = [];

	constructor(
		readonly install: N8nInstall,
		readonly rootDir: string,
	) {}

	get mainUrl(): string {
		return this.byRole('main').baseUrl;
	}

	get webhookProcessorUrl(): string {
		return this.byRole('webhook').baseUrl;
	}

	/** The production URL of a trigger on the webhook processor. */
	webhookUrl(webhookId: string, webhookPath: string): string {
		return `${this.webhookProcessorUrl}/webhook/${webhookId}/${webhookPath}`;
	}

	workers(): N8nProcess[] {
		return this.processes.filter((entry) => entry.role.startsWith('worker'));
	}

	log(role: N8nProcess['role']): string {
		return this.byRole(role).process.log();
	}

	/** Ids of the executions a worker says it ran ("Worker started execution <id> (job …)"). */
	executionsStartedBy(role: N8nProcess['role']): string[] {
		return [...this.log(role).matchAll(/Worker started execution (\d+) \(job/g)].map(
			(match) => match[1] ?? '',
		);
	}

	/** The recorded executions of a workflow, from PostgreSQL. */
	async executions(workflowId: string): Promise<ExecutionRow[]> {
		const rows = await this.db().query(
			DATABASE,
			`select id, "workflowId", status, mode from execution_entity where "workflowId" = '${workflowId.replace(/'/g, "''")}' order by id`,
		);
		return rows.map(([id = '', rowWorkflowId = '', status = '', mode = '']) => ({
			id,
			workflowId: rowWorkflowId,
			status,
			mode,
		}));
	}

	/** Throws with the process's output if any n8n process or service has died. */
	assertAllRunning(): void {
		for (const entry of this.processes) entry.process.assertRunning();
		this.redis?.process.assertRunning();
		this.postgres?.process.assertRunning();
	}

	async launch(options: QueueStartOptions): Promise<void> {
		this.redis = await startRedis(path.join(this.rootDir, 'redis'), {
			persistent: options.persistentRedis,
		});
		this.postgres = await startPostgres(path.join(this.rootDir, 'postgres'));
		await this.postgres.createDatabase(DATABASE);
		const backends = queueModeEnvironment({
			redisPort: this.redis.port,
			postgres: {
				port: this.postgres.port,
				database: DATABASE,
				user: this.postgres.user,
				password: this.postgres.password,
			},
		});

		const main = await this.environment('main', backends);
		this.mainSettings = main;
		await this.importFixtures(options, main.env);
		await this.spawn('main', ['start'], main);
		await this.waitHealthy(this.byRole('main'), '/healthz');

		const webhook = await this.environment('webhook', backends);
		this.webhookSettings = webhook;
		this.webhookPaths = options.webhooks;
		await this.spawn('webhook', ['webhook'], webhook);
		for (let index = 1; index <= WORKER_COUNT; index++) {
			const healthPort = await freePort();
			const worker = await this.environment(
				`worker${index}`,
				{ ...backends, ...workerHealthEnvironment(healthPort) },
				healthPort,
			);
			await this.spawn(`worker${index}`, ['worker', `--concurrency=${WORKER_CONCURRENCY}`], worker);
		}
		await this.waitHealthy(this.byRole('webhook'), '/healthz');
		for (const worker of this.workers()) await this.waitHealthy(worker, '/healthz/readiness');
		for (const hook of options.webhooks) {
			await waitForWebhook(
				`${this.webhookProcessorUrl}/webhook/${hook}`,
				this.byRole('webhook').process,
			);
		}
	}

	/** Stops the main instance only (webhook processor and workers keep running). */
	async stopMain(): Promise<void> {
		const main = this.byRole('main');
		await main.process.stop();
		this.processes.splice(this.processes.indexOf(main), 1);
	}

	/** Starts the main instance again on the same folder, port and database, and waits until it is healthy. */
	async startMain(): Promise<void> {
		if (this.processes.some((entry) => entry.role === 'main'))
			throw new Error('the main instance is running');
		if (this.mainSettings === undefined) throw new Error('the stack was never launched');
		await this.spawn('main', ['start'], this.mainSettings);
		await this.waitHealthy(this.byRole('main'), '/healthz');
	}

	/** Signals the webhook processor (see `ManagedProcess.signal`) and waits until it has exited. */
	async signalWebhookProcessor(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
		const webhook = this.byRole('webhook');
		await webhook.process.signal(signal);
		this.processes.splice(this.processes.indexOf(webhook), 1);
	}

	/** Starts the webhook processor again on the same port, and waits until it serves every webhook. */
	async startWebhookProcessor(): Promise<void> {
		if (this.webhookSettings === undefined) throw new Error('the stack was never launched');
		await this.spawn('webhook', ['webhook'], this.webhookSettings);
		await this.waitHealthy(this.byRole('webhook'), '/healthz');
		for (const hook of this.webhookPaths) {
			await waitForWebhook(
				`${this.webhookProcessorUrl}/webhook/${hook}`,
				this.byRole('webhook').process,
			);
		}
	}

	/**
	 * Redis goes away (killed) and comes back on the same port `downMs` later, with what it had
	 * written to disk when it is persistent.
	 */
	async interruptRedis(downMs: number): Promise<void> {
		const redis = this.redis;
		if (!redis) throw new Error('Redis is not running');
		await redis.process.signal('SIGKILL');
		await sleep(downMs);
		this.redis = await startRedis(path.join(this.rootDir, 'redis'), {
			port: redis.port,
			persistent: redis.persistent,
		});
	}

	/** Every execution of a workflow with its status and the scenario markers its stored data carries. */
	async executionMarkers(
		workflowId: string,
		markerPattern: string,
	): Promise<Array<{ id: string; status: string; data: string }>> {
		const rows = await this.db().query(
			DATABASE,
			`select e.id, e.status, string_agg(m[1], ' ') from execution_entity e join execution_data d on d."executionId" = e.id cross join lateral regexp_matches(d.data, '(${markerPattern})', 'g') as m where e."workflowId" = '${workflowId.replace(/'/g, "''")}' group by e.id, e.status order by e.id`,
		);
		return rows.map(([id = '', status = '', data = '']) => ({ id, status, data }));
	}

	/** Stops every process (n8n first, then Redis and PostgreSQL) and deletes the folders. */
	async stop(): Promise<void> {
		await Promise.all(this.processes.map((entry) => entry.process.stop()));
		await Promise.all([this.redis?.process.stop(), this.postgres?.process.stop()]);
		await rm(this.rootDir, { recursive: true, force: true });
	}

	private byRole(role: N8nProcess['role']): N8nProcess {
		const found = this.processes.find((entry) => entry.role === role);
		if (!found) throw new Error(`no ${role} process`);
		return found;
	}

	private db(): PostgresServer {
		if (!this.postgres) throw new Error('PostgreSQL is not running');
		return this.postgres;
	}

	private async environment(
		role: N8nProcess['role'],
		extra: Record<string, string>,
		healthPort?: number,
	): Promise<{ env: NodeJS.ProcessEnv; baseUrl: string }> {
		const userFolder = path.join(this.rootDir, role);
		await mkdir(userFolder, { recursive: true });
		await stagePackage(userFolder);
		const port = await freePort();
		const env = n8nEnvironment({
			install: this.install,
			userFolder,
			port,
			brokerPort: await freePort(),
			extra: { N8N_ENCRYPTION_KEY: ENCRYPTION_KEY, ...extra },
		});
		return { env, baseUrl: `http://127.0.0.1:${healthPort ?? port}` };
	}

	private async importFixtures(options: QueueStartOptions, env: NodeJS.ProcessEnv): Promise<void> {
		const renderDir = path.join(this.rootDir, 'fixtures');
		await mkdir(renderDir, { recursive: true });
		for (const name of options.credentials) {
			const file = await renderFixture(name, options.substitutions, renderDir);
			await runN8nCommand(this.install, ['import:credentials', `--input=${file}`], env);
		}
		for (const name of options.workflows) {
			const file = await renderFixture(name, options.substitutions, renderDir);
			await runN8nCommand(this.install, ['import:workflow', `--input=${file}`], env);
			for (const id of workflowIds(await readFile(file, 'utf8'))) {
				await runN8nCommand(this.install, activationCommand(this.install, id), env);
			}
		}
	}

	private async spawn(
		role: N8nProcess['role'],
		args: string[],
		{ env, baseUrl }: { env: NodeJS.ProcessEnv; baseUrl: string },
	): Promise<void> {
		const child = ManagedProcess.spawn(
			`n8n ${role}`,
			this.install.nodeBinary,
			[this.install.n8nBin, ...args],
			{ env },
		);
		this.processes.push({ role, baseUrl, process: child });
	}

	private async waitHealthy(entry: N8nProcess, healthPath: string): Promise<void> {
		await waitForHealthy(entry.baseUrl, entry.process, { healthPath });
	}
}

/** Starts the whole queue-mode stack; on any failure stops what did start and says why. */
export async function startQueueN8n(options: QueueStartOptions): Promise<QueueN8n> {
	const install = await ensureN8nInstalled();
	const rootDir = await mkdtemp(path.join(tmpdir(), 'edu-events-queue-'));
	// PostgreSQL runs as its own user and must reach its folder inside this one.
	await chmod(rootDir, 0o755);
	process.once('exit', () => rmSync(rootDir, { recursive: true, force: true }));
	const stack = new QueueN8n(install, rootDir);
	try {
		await stack.launch(options);
		return stack;
	} catch (error) {
		await stack.stop();
		throw error;
	}
}
