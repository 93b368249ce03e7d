/**
 * Runs a real n8n with this package installed the way a user's Community Nodes install puts it:
 * `<user folder>/.n8n/nodes/node_modules/n8n-nodes-edu-events`. Shared by `npm start`, the bench
 * and the end-to-end test harness.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { pollUntil, type ManagedProcess } from './process.mjs';

const execFileAsync = promisify(execFile);

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PACKAGE_NAME = 'n8n-nodes-edu-events';
export const DEFAULT_N8N_VERSION = '2.41.1';

export interface N8nInstall {
	version: string;
	/** The Node.js binary n8n runs on (Node 24 for n8n 2.x, the machine's for 1.x). */
	nodeBinary: string;
	/** n8n's own CLI entry point. */
	n8nBin: string;
	/** The install's node_modules, for loading n8n's own dependencies (e.g. sqlite3). */
	nodeModules: string;
}

export function n8nVersion(): string {
	return process.env.N8N_VERSION ?? DEFAULT_N8N_VERSION;
}

/**
 * Installs n8n into the cache outside the repository the first time; then returns at once.
 * The installer's progress (each step, and a line every 15 s while one runs) goes straight to
 * this process's stderr, so a first install that takes minutes shows that it is working.
 */
export async function ensureN8nInstalled(version: string = n8nVersion()): Promise<N8nInstall> {
	const script = path.join(REPO_ROOT, 'scripts', 'install-n8n.sh');
	const stdout = await new Promise<string>((resolve, reject) => {
		const child = spawn('bash', [script, version], {
			stdio: ['ignore', 'pipe', 'inherit'],
			timeout: 30 * 60 * 1000,
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
		child.on('error', reject);
		child.on('close', (code, signal) =>
			code === 0
				? resolve(output)
				: reject(new Error(`${script} ${version} failed (${signal ?? `exit code ${code}`})`)),
		);
	});
	const installDir = stdout.trim().split('\n').pop() ?? '';
	const nodeModules = path.join(installDir, 'node_modules');
	const bundledNode = path.join(nodeModules, 'node', 'bin', 'node');
	return {
		version,
		nodeBinary: existsSync(bundledNode) ? bundledNode : process.execPath,
		n8nBin: path.join(nodeModules, 'n8n', 'bin', 'n8n'),
		nodeModules,
	};
}

/** Builds `dist/` unless the caller says it is already fresh. */
export async function buildPackage(): Promise<void> {
	await execFileAsync('npm', ['run', 'build', '--silent'], {
		cwd: REPO_ROOT,
		maxBuffer: 64 * 1024 * 1024,
	});
}

/** Copies the built package where n8n's Community Nodes installer would put it. */
export async function stagePackage(userFolder: string): Promise<void> {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	await rm(target, { recursive: true, force: true });
	await mkdir(target, { recursive: true });
	await cp(path.join(REPO_ROOT, 'dist'), path.join(target, 'dist'), { recursive: true });
	const manifest: unknown = JSON.parse(
		await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'),
	);
	await writeFile(path.join(target, 'package.json'), JSON.stringify(manifest, null, 2));
	// What `npm install` leaves in the nodes folder after a Community Nodes install.
	const nodesManifest = path.join(nodesDir, 'package.json');
	if (!existsSync(nodesManifest)) {
		await writeFile(
			nodesManifest,
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
		);
	}
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => {
				if (address && typeof address === 'object') resolve(address.port);
				else reject(new Error('no port'));
			});
		});
	});
}

export interface N8nEnvOptions {
	install: N8nInstall;
	userFolder: string;
	port: number;
	brokerPort: number;
	listenAddress?: string;
	extra?: Record<string, string>;
}

export function n8nEnvironment(options: N8nEnvOptions): NodeJS.ProcessEnv {
	const install = {
		N8N_USER_FOLDER: options.userFolder,
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: options.listenAddress ?? '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_REINSTALL_MISSING: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_SECURE_COOKIE: 'false',
		// The default SQLite database, in the user folder.
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '2',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		NODE_ENV: 'production',
		// n8n 1.123's default expression engine needs isolated-vm built for Node >= 22; on Node 20
		// it cannot start, so 1.x runs with its previous engine.
		...(options.install.version.startsWith('1.') ? { N8N_EXPRESSION_ENGINE: 'legacy' } : {}),
	};
	const { PATH, HOME, LANG, TZ, TMPDIR } = process.env;
	return { PATH, HOME, LANG, TZ, TMPDIR, ...install, ...options.extra };
}

/** Runs one n8n CLI command (import, publish, …) against a user folder and waits for it. */
export async function runN8nCommand(
	install: N8nInstall,
	args: string[],
	env: NodeJS.ProcessEnv,
): Promise<string> {
	try {
		const { stdout, stderr } = await execFileAsync(install.nodeBinary, [install.n8nBin, ...args], {
			env,
			maxBuffer: 64 * 1024 * 1024,
			timeout: 5 * 60 * 1000,
		});
		return `${stdout}${stderr}`;
	} catch (error) {
		const detail =
			error instanceof Error && 'stderr' in error
				? String((error as { stderr: unknown }).stderr)
				: '';
		throw new Error(`n8n ${args.join(' ')} failed: ${String(error)}\n${detail}`);
	}
}

export function spawnN8n(
	install: N8nInstall,
	args: string[],
	env: NodeJS.ProcessEnv,
	stdio: 'pipe' | 'inherit',
): ChildProcess {
	return spawn(install.nodeBinary, [install.n8nBin, ...args], {
		env,
		stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
		detached: stdio === 'pipe',
	});
}

/**
 * Waits until an n8n process answers 200 on `healthPath`: `/healthz`, or a worker's
 * `/healthz/readiness`. Ends at once, with the process's output, if the process exits meanwhile.
 */
export async function waitForHealthy(
	baseUrl: string,
	n8n: ManagedProcess,
	{
		healthPath = '/healthz',
		timeoutMs = 180_000,
	}: { healthPath?: string; timeoutMs?: number } = {},
): Promise<void> {
	await pollUntil(() => answersOk(`${baseUrl}${healthPath}`), {
		timeout: timeoutMs,
		describe: `${n8n.name} to answer 200 on ${healthPath}`,
		abortIf: () => n8n.assertRunning(),
		logSource: n8n,
	});
}

async function answersOk(url: string): Promise<boolean> {
	try {
		return (await fetch(url)).status === 200;
	} catch {
		return false; // not listening yet
	}
}

/** Where the processes of one queue-mode n8n find their shared Redis and PostgreSQL. */
export interface QueueBackends {
	redisPort: number;
	postgres: { port: number; database: string; user: string; password: string };
}

/**
 * What every process of a queue-mode n8n (main, webhook processors, workers) shares: the
 * execution mode, the Redis queue and the PostgreSQL database (SQLite is not supported there).
 * Pass it as `extra` to `n8nEnvironment`, together with the shared N8N_ENCRYPTION_KEY.
 */
export function queueModeEnvironment(backends: QueueBackends): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(backends.redisPort),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(backends.postgres.port),
		DB_POSTGRESDB_DATABASE: backends.postgres.database,
		DB_POSTGRESDB_USER: backends.postgres.user,
		DB_POSTGRESDB_PASSWORD: backends.postgres.password,
	};
}

/** A worker's own health server (`/healthz`, `/healthz/readiness`) on loopback. */
export function workerHealthEnvironment(port: number): Record<string, string> {
	return {
		QUEUE_HEALTH_CHECK_ACTIVE: 'true',
		QUEUE_HEALTH_CHECK_PORT: String(port),
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
	};
}
