/**
 * Runs manual workflows with `n8n execute --rawOutput` and reads each node's output items from the
 * run data n8n prints.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { isRecord } from '../../../nodes/shared/guards';
import type { N8nInstall } from '../../../support/n8n.mjs';

export type Items = Array<Record<string, unknown>>;

const execFileAsync = promisify(execFile);

/**
 * The run data printed with two-space indents: from a line that opens with `{` to the first line
 * that is only `}`. Log lines may surround it, so every opening line is tried.
 */
export function printedRunData(output: string): unknown {
	for (let start = output.indexOf('{'); start !== -1; start = output.indexOf('\n{', start + 1)) {
		const from = output[start] === '\n' ? start + 1 : start;
		if (from !== 0 && output[from - 1] !== '\n') continue;
		const end = output.indexOf('\n}', from);
		if (end === -1) return undefined;
		try {
			return JSON.parse(output.slice(from, end + 2));
		} catch {
			// A log line that happens to start with "{"; try the next one.
		}
	}
	return undefined;
}

export interface Execution {
	/** Output items of each node that ran, by node name. */
	byNode: Record<string, Items>;
	/** Everything n8n printed (stdout then stderr). */
	output: string;
	/** Whether n8n exited with status 0. */
	succeeded: boolean;
}

export async function executeWorkflow(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	workflowId: string,
): Promise<Execution> {
	const { output, succeeded } = await execFileAsync(
		install.nodeBinary,
		[install.n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'],
		{ env, maxBuffer: 64 * 1024 * 1024, timeout: 5 * 60 * 1000 },
	).then(
		({ stdout, stderr }) => ({ output: `${stdout}\n${stderr}`, succeeded: true }),
		(error: unknown) => ({
			output: isRecord(error) ? `${String(error.stdout)}\n${String(error.stderr)}` : String(error),
			succeeded: false,
		}),
	);
	const parsed = printedRunData(output);
	const runData =
		isRecord(parsed) && isRecord(parsed.data) && isRecord(parsed.data.resultData)
			? parsed.data.resultData.runData
			: undefined;
	const byNode: Record<string, Items> = {};
	if (isRecord(runData)) {
		for (const [node, runs] of Object.entries(runData)) {
			const run = Array.isArray(runs) ? runs[0] : undefined;
			const main =
				isRecord(run) && isRecord(run.data) && Array.isArray(run.data.main)
					? run.data.main[0]
					: undefined;
			byNode[node] = Array.isArray(main)
				? main.flatMap((item: unknown) =>
						isRecord(item) && isRecord(item.json) ? [item.json] : [],
					)
				: [];
		}
	}
	if (succeeded && !isRecord(runData)) {
		throw new Error(`n8n execute printed no run data:\n${output.slice(0, 3000)}`);
	}
	return { byNode, output, succeeded };
}

/** Runs a workflow that must succeed and returns each node's output items by node name. */
export async function executeWorkflowItems(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	workflowId: string,
): Promise<Record<string, Items>> {
	const { byNode, output, succeeded } = await executeWorkflow(install, env, workflowId);
	if (!succeeded) throw new Error(`n8n execute failed:\n${output.slice(0, 3000)}`);
	return byNode;
}

/** Runs a workflow that must fail; returns everything n8n printed (it exits non-zero). */
export async function executeFailingWorkflow(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	workflowId: string,
): Promise<string> {
	const { output, succeeded } = await executeWorkflow(install, env, workflowId);
	return succeeded ? 'the execution succeeded' : output;
}
