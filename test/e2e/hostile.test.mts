/**
 * Hostile input through a real n8n: every webhook trigger's generated corpus (see test/hostile)
 * is sent to its production URL, then the replies and n8n's recorded executions are checked.
 * Also `npm run test:hostile`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { hostilePlatforms } from '../hostile/corpus.mjs';
import { runHostile, type HostileRun } from '../hostile/run.mjs';
import { startN8n, type RunningN8n } from '../../support/startN8n.mjs';

let n8n: RunningN8n;

beforeAll(async () => {
	n8n = await startN8n({
		credentials: hostilePlatforms.flatMap((platform) => platform.fixtures.credentials),
		workflows: hostilePlatforms.flatMap((platform) => platform.fixtures.workflows),
		substitutions: Object.assign(
			{},
			...hostilePlatforms.map((platform) => platform.fixtures.substitutions),
		),
		webhooks: hostilePlatforms.flatMap((platform) => platform.fixtures.webhooks),
	});
});

afterAll(async () => {
	await n8n?.stop();
});

describe.each(hostilePlatforms.map((platform) => [platform.name, platform] as const))(
	'%s Trigger under hostile input',
	(_name, platform) => {
		let run: HostileRun;

		beforeAll(async () => {
			run = await runHostile(n8n, platform);
			console.log(run.printed);
		}, 600_000);

		// n8n answers requests itself only for what no node can receive (bodies over its size
		// limit, methods a trigger does not register), which the Qingsuyun corpus covers.
		it('is a corpus of at least a few hundred requests of every kind', () => {
			expect(run.corpus.length).toBeGreaterThanOrEqual(300);
			expect(run.report.sent).toBe(run.corpus.length);
			const kinds = new Set(run.corpus.map((request) => request.expect));
			for (const kind of [
				'execution',
				'flagged',
				...(platform.deduplicates ? ['duplicate'] : []),
				'unauthenticated',
			]) {
				expect(kinds).toContain(kind);
			}
		});

		it('leaves n8n running and healthy', () => {
			expect(run.report.healthy).toBe(true);
		});

		it('starts no execution for an unauthenticated request', () => {
			expect(run.report.unauthenticatedStarted).toEqual([]);
		});

		it('loses no authenticated event and starts each exactly once, flagged when unreadable', () => {
			expect(run.report.authenticatedLost).toEqual([]);
			expect(run.report.unexpectedExecutions).toEqual([]);
			expect(run.report.misflagged).toEqual([]);
			expect(run.report.unexplainedExecutions).toBe(0);
			expect(run.report.executionsNotSuccessful).toEqual([]);
		});

		it("answers every request in the platform's protocol", () => {
			expect(run.report.protocolViolations).toEqual([]);
		});

		it("never writes a secret into execution data, n8n's log or a reply", () => {
			expect(run.report.secretsFound).toEqual([]);
		});
	},
);
