/**
 * What `npm run bench` measures. BENCH_QUICK=1 runs a smoke version (one size, one concurrency,
 * one short round) to check the bench itself; its figures are not worth quoting.
 */
import type { LoadSettings } from './webhook.mjs';

const FULL: LoadSettings = {
	sizes: [1024, 64 * 1024, 1024 * 1024],
	concurrencies: [1, 16],
	durationSeconds: 1.2,
	rounds: 3,
	configurations: [
		{ label: 'n8n defaults', env: {}, floor: 'v1' },
		// n8n's previous expression engine: no isolate for any webhook phase, so the Webhook node
		// v2 is every trigger's floor and what is left between the nodes is their own code.
		{
			label: 'N8N_EXPRESSION_ENGINE=legacy',
			env: { N8N_EXPRESSION_ENGINE: 'legacy' },
			floor: 'v2',
		},
		// The isolate is taken only when an expression reaches the engine; one still does for
		// every node at version 1 (parseRequestBody), so v1 stays the floor. Small bodies only:
		// the engine's cost does not grow with the body.
		{
			label: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true',
			env: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
			floor: 'v1',
			sizes: [1024],
		},
	],
	repeatPath: { bytes: 1024, concurrency: 16 },
};

const QUICK: LoadSettings = {
	...FULL,
	sizes: [1024],
	concurrencies: [16],
	durationSeconds: 1,
	rounds: 1,
};

export const SETTINGS: LoadSettings = process.env.BENCH_QUICK === '1' ? QUICK : FULL;
export const QUICK_RUN = SETTINGS === QUICK;
