/**
 * The backing services of a queue-mode n8n, started by the test itself on loopback: a real Redis
 * (Debian's `redis-server`, installed with apt-get when missing) and a throwaway PostgreSQL 15
 * cluster. Each runs as a foreground child in its own process group and is stopped by its pid.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

import { freePort } from '../../../support/n8n.mjs';
import { ManagedProcess, pollUntil } from '../../../support/process.mjs';

const execFileAsync = promisify(execFile);

const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

/** Waits until a service answers `probe`; ends at once, with its output, if it exits meanwhile. */
async function until(
	what: string,
	probe: () => Promise<boolean>,
	owner: ManagedProcess,
): Promise<void> {
	await pollUntil(probe, {
		timeout: 60_000,
		interval: 200,
		describe: what,
		abortIf: () => owner.assertRunning(),
		logSource: owner,
	});
}

// ---------------------------------------------------------------- Redis

/**
 * Makes sure `redis-server` is on PATH: installs Debian's package (once) when it is not. Throws
 * with the reason when that is impossible, so the queue suite fails loudly instead of skipping.
 */
export async function ensureRedisInstalled(): Promise<string> {
	const found = await which('redis-server');
	if (found) return found;
	const apt = {
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		maxBuffer: 64 * 1024 * 1024,
		timeout: 10 * 60 * 1000,
	};
	try {
		await execFileAsync('apt-get', ['update'], apt);
		await execFileAsync('apt-get', ['install', '-y', 'redis-server'], apt);
	} catch (error) {
		throw new Error(
			`Queue mode needs a Redis server: redis-server is not on PATH and "apt-get install -y redis-server" failed (${String(error)}). Install Redis, or run as a user allowed to use apt-get.`,
		);
	}
	const installed = await which('redis-server');
	if (!installed) throw new Error('apt-get installed redis-server, but it is still not on PATH');
	return installed;
}

async function which(command: string): Promise<string | undefined> {
	try {
		const { stdout } = await execFileAsync('bash', ['-c', `command -v ${command}`]);
		return stdout.trim() || undefined;
	} catch {
		return undefined;
	}
}

function redisAnswersPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		let reply = '';
		socket.setTimeout(1000);
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			reply += chunk.toString('utf8');
			if (reply.includes('\r\n')) {
				socket.destroy();
				resolve(reply.startsWith('+PONG'));
			}
		});
		socket.on('timeout', () => {
			socket.destroy();
			resolve(false);
		});
		socket.on('error', () => resolve(false));
	});
}

export interface RedisServer {
	port: number;
	persistent: boolean;
	process: ManagedProcess;
}

export interface RedisOptions {
	/** Listen here (a restart of the same server); a free port otherwise. */
	port?: number;
	/**
	 * Keep every write in an append-only file, synced at once, as a production queue needs: a
	 * Redis restarted without it has lost every job not yet taken by a worker.
	 */
	persistent?: boolean;
}

/** A Redis on 127.0.0.1 only, in the foreground; without persistence unless asked. */
export async function startRedis(
	workDir: string,
	{ port, persistent = false }: RedisOptions = {},
): Promise<RedisServer> {
	const binary = await ensureRedisInstalled();
	port ??= await freePort();
	await mkdir(workDir, { recursive: true });
	const redis = ManagedProcess.spawn(
		'redis-server',
		binary,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			persistent ? 'yes' : 'no',
			'--appendfsync',
			'always',
			'--dir',
			workDir,
			'--daemonize',
			'no',
		],
		{ cwd: workDir },
	);
	await until('Redis to answer PING', () => redisAnswersPing(port), redis);
	return { port, persistent, process: redis };
}

// ---------------------------------------------------------------- PostgreSQL

export interface PostgresServer {
	port: number;
	user: string;
	password: string;
	process: ManagedProcess;
	/** Runs SQL with psql and returns the rows as arrays of column texts. */
	query(database: string, sql: string): Promise<string[][]>;
	createDatabase(name: string): Promise<void>;
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
	const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
		execFileAsync('id', ['-u', 'postgres']),
		execFileAsync('id', ['-g', 'postgres']),
	]);
	return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/** Runs a PostgreSQL binary as the `postgres` user (initdb and postgres refuse to run as root). */
function asPostgres(binary: string, args: string[]): [string, string[]] {
	const full = path.join(POSTGRES_BIN, binary);
	return process.getuid?.() === 0
		? ['runuser', ['-u', 'postgres', '--', full, ...args]]
		: [full, args];
}

/**
 * A fresh PostgreSQL 15 cluster in `workDir` (which must be reachable by the `postgres` user),
 * trust authentication, listening on 127.0.0.1 only, its socket inside `workDir`.
 */
export async function startPostgres(workDir: string): Promise<PostgresServer> {
	if (!existsSync(path.join(POSTGRES_BIN, 'postgres'))) {
		throw new Error(
			`Queue mode needs PostgreSQL 15: ${POSTGRES_BIN}/postgres is missing (apt-get install postgresql-15)`,
		);
	}
	const dataDir = path.join(workDir, 'data');
	const socketDir = path.join(workDir, 'socket');
	await mkdir(dataDir, { recursive: true });
	await mkdir(socketDir, { recursive: true });
	if (process.getuid?.() === 0) {
		const { uid, gid } = await postgresIds();
		for (const dir of [workDir, dataDir, socketDir]) await chown(dir, uid, gid);
	}
	const [initdb, initArgs] = asPostgres('initdb', [
		'-D',
		dataDir,
		'-A',
		'trust',
		'-U',
		'postgres',
		'--no-sync',
		'-E',
		'UTF8',
	]);
	await execFileAsync(initdb, initArgs, { cwd: workDir, maxBuffer: 16 * 1024 * 1024 });

	const port = await freePort();
	const [postgres, args] = asPostgres('postgres', [
		'-D',
		dataDir,
		'-p',
		String(port),
		'-k',
		socketDir,
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'fsync=off',
		'-c',
		'max_connections=200',
	]);
	// SIGINT is PostgreSQL's "fast" shutdown: it does not wait for clients to disconnect.
	const server = ManagedProcess.spawn('postgres', postgres, args, {
		cwd: workDir,
		stopSignal: 'SIGINT',
	});

	const query = async (database: string, sql: string): Promise<string[][]> => {
		const { stdout } = await execFileAsync(
			'psql',
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(port),
				'-U',
				'postgres',
				'-d',
				database,
				'-X',
				'-A',
				'-t',
				'-F',
				'\t',
				'-v',
				'ON_ERROR_STOP=1',
				'-c',
				sql,
			],
			{ maxBuffer: 64 * 1024 * 1024 },
		);
		return stdout
			.split('\n')
			.filter((line) => line.length > 0)
			.map((line) => line.split('\t'));
	};
	await until(
		'PostgreSQL to answer a query',
		async () => {
			try {
				await query('postgres', 'select 1');
				return true;
			} catch {
				return false;
			}
		},
		server,
	);
	return {
		port,
		user: 'postgres',
		password: 'postgres',
		process: server,
		query,
		createDatabase: async (name) => {
			await query('postgres', `create database "${name}"`);
		},
	};
}
