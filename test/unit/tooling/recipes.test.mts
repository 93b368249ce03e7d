/**
 * What every recipe in examples/ promises its user, checked on the files as shipped: it imports
 * without foreign credentials or fixed webhook URLs, uses no Code node, names its external
 * systems in one Settings node right after the trigger, and tells in a sticky note which data
 * tables to create.
 */
import { readdirSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { isRecord } from '../../../nodes/shared/guards';
import { EXAMPLES_DIR, nodesOf, readRecipe } from '../../../support/recipes.mjs';

type Json = Record<string, unknown>;

const FILES = readdirSync(EXAMPLES_DIR)
	.filter((file) => file.endsWith('.json'))
	.sort();

/** The names of the nodes the first output of `from` leads to. */
function nextNodes(workflow: Json, from: string): string[] {
	const connections = isRecord(workflow.connections) ? workflow.connections[from] : undefined;
	const main = isRecord(connections) && Array.isArray(connections.main) ? connections.main : [];
	const first: unknown = main[0];
	return Array.isArray(first)
		? first.flatMap((link: unknown) => (isRecord(link) ? [String(link.node)] : []))
		: [];
}

describe('recipes in examples/', () => {
	it('are seven, numbered', () => {
		expect(FILES).toHaveLength(7);
		FILES.forEach((file, index) =>
			expect(file).toMatch(new RegExp(`^0${index + 1}-[a-z0-9-]+\\.json$`)),
		);
	});

	describe.each(FILES)('%s', (file) => {
		it('carries no credentials, workflow id or webhook ids, and no Code node', async () => {
			const workflow = await readRecipe(file);
			expect(workflow).not.toHaveProperty('id');
			for (const node of nodesOf(workflow)) {
				expect(node, String(node.name)).not.toHaveProperty('credentials');
				expect(String(node.type)).toMatch(/^(n8n-nodes-base|n8n-nodes-edu-events)\./);
				expect(['n8n-nodes-base.code', 'n8n-nodes-base.function']).not.toContain(node.type);
				if (node.type !== 'n8n-nodes-base.wait')
					expect(node, String(node.name)).not.toHaveProperty('webhookId');
			}
		});

		it('names its external systems in a Settings node right after the trigger', async () => {
			const workflow = await readRecipe(file);
			const trigger = nodesOf(workflow).find((node) => /trigger|webhook/i.test(String(node.type)));
			expect(trigger).toBeDefined();
			expect(nextNodes(workflow, String(trigger?.name))).toEqual(['Settings']);
			for (const node of nodesOf(workflow).filter(
				(candidate) => candidate.type === 'n8n-nodes-base.httpRequest',
			)) {
				const parameters = isRecord(node.parameters) ? node.parameters : {};
				expect(String(parameters.url), String(node.name)).toMatch(
					/^=\{\{ \$\('Settings'\)\.first\(\)\.json\.\w+ \}\}$/,
				);
			}
		});

		it('finds its data tables by name, and a sticky note says which to create', async () => {
			const workflow = await readRecipe(file);
			const notes = nodesOf(workflow)
				.filter((node) => node.type === 'n8n-nodes-base.stickyNote')
				.map((node) => (isRecord(node.parameters) ? String(node.parameters.content) : ''))
				.join('\n');
			expect(notes).toContain('Publish');
			for (const node of nodesOf(workflow).filter(
				(candidate) => candidate.type === 'n8n-nodes-base.dataTable',
			)) {
				const parameters = isRecord(node.parameters) ? node.parameters : {};
				const locator = isRecord(parameters.dataTableId) ? parameters.dataTableId : {};
				expect(locator.mode).toBe('name');
				expect(notes).toContain(`**${String(locator.value)}**`);
			}
		});
	});
});
