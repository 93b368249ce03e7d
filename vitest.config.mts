import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/unit/**/*.test.mts'],
					sequence: { groupOrder: 0 },
				},
			},
			{
				test: {
					name: 'e2e',
					include: ['test/e2e/**/*.test.mts'],
					// After the unit tests: they fail in seconds, n8n takes longer to start.
					sequence: { groupOrder: 1 },
					// Installs n8n (cached) and builds the package once for all end-to-end files.
					globalSetup: ['test/e2e/harness/globalSetup.mts'],
					// Stops what a file's suite started and left running (e.g. after a set-up timeout).
					setupFiles: ['test/e2e/harness/processGuard.mts'],
					testTimeout: 120_000,
					hookTimeout: 600_000,
					// Each file starts its own n8n; two at a time suit a two-core machine.
					maxWorkers: 2,
					fileParallelism: true,
				},
			},
		],
	},
});
