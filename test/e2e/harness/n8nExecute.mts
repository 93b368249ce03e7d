/**
 * Runs saved manual workflows with `n8n execute --rawOutput` and reads each node's output items
 * from the run data n8n prints (the same reading as test/e2e/agoraClassroom.test.mts).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { isRecord } from '../../../nodes/shared/guards';
import { runN8nCommand, type N8nInstall } from '../../../support/n8n.mjs';

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

/** Runs a saved workflow and returns each node's output items by node name. */
export async function executeWorkflow(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	workflowId: string,
): Promise<Record<string, Items>> {
	const output = await runN8nCommand(
		install,
		['execute', `--id=${workflowId}`, '--rawOutput'],
		env,
	);
	const parsed = printedRunData(output);
	const runData =
		isRecord(parsed) && isRecord(parsed.data) && isRecord(parsed.data.resultData)
			? parsed.data.resultData.runData
			: undefined;
	if (!isRecord(runData)) throw new Error(`no run data in:\n${output.slice(0, 3000)}`);
	const byNode: Record<string, Items> = {};
	for (const [node, runs] of Object.entries(runData)) {
		const run = Array.isArray(runs) ? runs[0] : undefined;
		const main =
			isRecord(run) && isRecord(run.data) && Array.isArray(run.data.main)
				? run.data.main[0]
				: undefined;
		byNode[node] = Array.isArray(main)
			? main.flatMap((item: unknown) => (isRecord(item) && isRecord(item.json) ? [item.json] : []))
			: [];
	}
	return byNode;
}

/** Runs a workflow that must fail; returns everything n8n printed (it exits non-zero). */
export async function executeFailingWorkflow(
	install: N8nInstall,
	env: NodeJS.ProcessEnv,
	workflowId: string,
): Promise<string> {
	return await execFileAsync(
		install.nodeBinary,
		[install.n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'],
		{ env, maxBuffer: 64 * 1024 * 1024 },
	).then(
		() => 'the execution succeeded',
		(error: unknown) =>
			isRecord(error) ? `${String(error.stdout)}\n${String(error.stderr)}` : String(error),
	);
}
