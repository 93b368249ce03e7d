/**
 * Child processes and waiting, once for tests, bench and scripts: a managed child in its own
 * process group (n8n, Redis, PostgreSQL, a fake server), the group kill, and `pollUntil`, the one
 * deadline loop everything that waits for something uses.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** Where a timed-out wait takes the end of its diagnostic text from (a process's output). */
export interface LogSource {
	log(): string;
}

export interface PollOptions {
	/** Gives up after this many milliseconds. */
	timeout: number;
	/** Milliseconds between two checks (250). */
	interval?: number;
	/** What is waited for, as the timeout error names it: "n8n's health check", "3 executions". */
	describe: string | (() => string);
	/** Whose output ends the timeout error (the last 4,000 characters), e.g. a running n8n. */
	logSource?: LogSource;
	/** Checked before each poll; throws to end the wait early (e.g. the process it waits on died). */
	abortIf?: () => void;
}

/**
 * Checks `condition` until it returns a value other than `false`, `undefined` or `null`, and
 * resolves with that value. A condition that throws ends the wait with its error. On timeout it
 * throws a `PollTimeoutError`, `timed out after N ms waiting for <describe>`, with the end of `logSource`'s log.
 */
export async function pollUntil<T>(
	condition: () => T | false | undefined | null | Promise<T | false | undefined | null>,
	options: PollOptions,
): Promise<T> {
	const interval = options.interval ?? 250;
	const deadline = Date.now() + options.timeout;
	for (;;) {
		options.abortIf?.();
		const value = await condition();
		if (value !== false && value !== undefined && value !== null) return value;
		if (Date.now() + interval > deadline) break;
		await sleep(interval);
	}
	const what = typeof options.describe === 'function' ? options.describe() : options.describe;
	const log = options.logSource ? `\n--- log ---\n${options.logSource.log().slice(-4000)}` : '';
	throw new PollTimeoutError(`timed out after ${options.timeout} ms waiting for ${what}${log}`);
}

/** What `pollUntil` throws when its time is up, so a caller can tell it from a failed check. */
export class PollTimeoutError extends Error {
	override name = 'PollTimeoutError';
}

export function sleep(milliseconds: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Sends `signal` to the whole process group `pid` leads; a group already gone is fine. */
export function killGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// the group is already gone
	}
}

export interface SpawnManagedOptions {
	env?: NodeJS.ProcessEnv;
	cwd?: string;
	/** The signal `stop()` sends the group first (SIGTERM). */
	stopSignal?: NodeJS.Signals;
}

/** Every managed child still running in this process. */
const live = new Set<ManagedProcess>();
let closed = false;

/**
 * Stops every managed child still running, and any started after this call until
 * `allowProcesses()`: a set-up that timed out keeps starting things after its test file gave up
 * on it (the e2e project calls this after each file, see test/e2e/harness/processGuard.mts).
 */
export async function stopAllProcesses(): Promise<void> {
	closed = true;
	await Promise.all([...live].map(async (child) => await child.stop()));
}

/** Lets managed children run again after `stopAllProcesses()`. */
export function allowProcesses(): void {
	closed = false;
}

/**
 * A long-running child in its own process group, with its output kept for diagnostics. Nothing it
 * starts may outlive the test process, even one that dies without its afterAll hooks.
 */
export class ManagedProcess implements LogSource {
	private output = '';
	private readonly exited: Promise<void>;

	constructor(
		readonly name: string,
		private readonly child: ChildProcess,
		private readonly stopSignal: NodeJS.Signals = 'SIGTERM',
	) {
		child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
		child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
		this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
		const pid = child.pid;
		if (pid !== undefined) process.once('exit', () => killGroup(pid, 'SIGKILL'));
		live.add(this);
		void this.exited.then(() => live.delete(this));
		if (closed) void this.stop(0);
	}

	static spawn(
		name: string,
		command: string,
		args: readonly string[],
		options: SpawnManagedOptions = {},
	): ManagedProcess {
		const spawnOptions: SpawnOptions = {
			env: options.env ?? process.env,
			cwd: options.cwd,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		};
		return new ManagedProcess(name, spawn(command, args, spawnOptions), options.stopSignal);
	}

	log(): string {
		return this.output;
	}

	isRunning(): boolean {
		return this.child.exitCode === null && this.child.signalCode === null;
	}

	/** Throws with the process's own output if it has exited. */
	assertRunning(): void {
		if (!this.isRunning()) {
			throw new Error(
				`${this.name} exited (code ${String(this.child.exitCode)}, signal ${String(this.child.signalCode)})\n${this.output.slice(-4000)}`,
			);
		}
	}

	/**
	 * Sends a signal as an operator or the system would (SIGTERM to the process, SIGKILL to its
	 * whole group) and waits until the process has exited; what is left of its group goes too.
	 */
	async signal(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
		const pid = this.child.pid;
		if (pid === undefined || !this.isRunning()) throw new Error(`${this.name} is not running`);
		if (signal === 'SIGKILL') killGroup(pid, 'SIGKILL');
		else this.child.kill('SIGTERM');
		await this.exited;
		killGroup(pid, 'SIGKILL');
	}

	/** Sends the stop signal to the group; after `timeoutMs` (20 s) without an exit, SIGKILL. */
	async stop(timeoutMs = 20_000): Promise<void> {
		const pid = this.child.pid;
		if (pid === undefined || !this.isRunning()) return;
		killGroup(pid, this.stopSignal);
		const timeout = new Promise<'timeout'>((resolve) =>
			setTimeout(() => resolve('timeout'), timeoutMs),
		);
		if ((await Promise.race([this.exited, timeout])) === 'timeout') {
			killGroup(pid, 'SIGKILL');
			await this.exited;
		}
	}
}
