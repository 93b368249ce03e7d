/**
 * The n8n editor is the nodes' UI. In a real browser (Debian's chromium, driven by
 * puppeteer-core), for every node and credential of the package (rows in harness/editorRows):
 * how the node panel lists each node (its description, trigger and action entries), each node's
 * panel at its defaults, its canvas subtitle and output labels, and each credential's dialog with
 * a credential test that fails and says why. Then the Gensee Trigger's "Test this trigger" reads a
 * body n8n's own parser refuses. Screenshots go to test-results/screenshots/; the panels' are
 * kept in docs/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { editorPage, launchChromium } from '../../support/chromium.mjs';
import { FakeGenseeServer } from '../../support/fakes/genseeServer.mjs';
import { n8nVersion, REPO_ROOT } from '../../support/n8n.mjs';
import { ownerCookie } from '../../support/n8nRest.mjs';
import { pollUntil, sleep } from '../../support/process.mjs';
import { FIXTURES_DIR, startN8n, type RunningN8n } from '../../support/startN8n.mjs';
import {
	canvasNode,
	canvasNodeText,
	chooseOption,
	closeNodePanel,
	findByText,
	openNodePanel,
	openWorkflow,
	optionLabels,
	outputLabels,
	waitForText,
} from './harness/editorPage.mjs';
import {
	CREDENTIAL_ROWS,
	GENSEE_LOGIN,
	NODE_ROWS,
	type CredentialRow,
	type LocalServers,
	type NodeRow,
} from './harness/editorRows.mjs';

const GENSEE_WORKFLOW_ID = 'gsEditorFlow0001';
const HOOK = 'gs-editor/gensee';
const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
const IS_N8N_1 = n8nVersion().startsWith('1.');

let n8n: RunningN8n;
let browser: Browser;
let page: Page;
let gensee: FakeGenseeServer;
let local: LocalServers;

function screenshot(name: string): string {
	return path.join(SCREENSHOTS, `${name}-n8n-${n8nVersion()}.png`);
}

async function clickButton(text: RegExp): Promise<void> {
	await (await findByText(page, 'button, [role="button"]', text)).click();
}

beforeAll(async () => {
	await mkdir(SCREENSHOTS, { recursive: true });
	gensee = await FakeGenseeServer.start(GENSEE_LOGIN);
	local = { genseeUrl: gensee.url };
	n8n = await startN8n({
		credentials: [],
		workflows: ['editor.workflows.json'],
		substitutions: {},
		webhooks: [HOOK],
	});
	// The rows' workflows stay unpublished: they hold nodes without credentials.
	await n8n.importWorkflows([path.join(FIXTURES_DIR, 'editor.nodes.workflows.json')], [], {
		activate: false,
	});
	const cookie = await ownerCookie(n8n.baseUrl);
	browser = await launchChromium();
	page = await editorPage(browser, n8n.baseUrl, cookie);
	// Leaving a new, unsaved workflow asks "leave the page?".
	page.on('dialog', (dialog) => void dialog.accept());
});

afterAll(async () => {
	await browser?.close();
	await n8n?.stop();
	await gensee?.stop();
});

/** Opens the node panel on an empty workflow and searches. */
async function searchNodePanel(search: string): Promise<void> {
	await page.goto(`${n8n.baseUrl}/workflow/new`, { waitUntil: 'networkidle2', timeout: 120_000 });
	await (
		await page.waitForSelector('[data-test-id="canvas-add-button"]', { timeout: 60_000 })
	)?.click();
	const input = await page.waitForSelector(
		'[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]',
		{
			timeout: 30_000,
		},
	);
	await input?.type(search);
	await sleep(1000);
}

async function visibleEntries(): Promise<string[]> {
	const entries: string[] = [];
	for (const item of await page.$$(
		'[data-test-id="node-creator"] [data-test-id="item-iterator-item"]',
	)) {
		if (await item.isVisible())
			entries.push(await item.evaluate((node) => (node.textContent ?? '').trim()));
	}
	return entries;
}

describe(`every node in the n8n editor (n8n ${n8nVersion()})`, () => {
	describe.each(NODE_ROWS.map((row) => [row.nodeName, row] as const))(
		'%s',
		(_name, row: NodeRow) => {
			it('is listed in the node panel with its description and meaningful entries', async () => {
				await searchNodePanel(row.panelEntry.search);
				const entry = await findByText(
					page,
					'[data-test-id="node-creator"] [data-test-id="item-iterator-item"]',
					new RegExp(`^${row.panelEntry.name}`),
				);
				// The entry's text is the name, then the description.
				const description = (await entry.evaluate((node) => (node.textContent ?? '').trim()))
					.slice(row.panelEntry.name.length)
					.trim();
				// n8n 2.x shows each entry's description under its name; 1.x lists search results by
				// name alone.
				if (IS_N8N_1) expect(description).toBe('');
				else expect(description).toMatch(row.panelEntry.description);
				await entry.click();
				await sleep(1000);
				let entries = await visibleEntries();
				// Opened from "Add first step", the panel shows the actions section collapsed.
				if (row.actionEntries.some((action) => !entries.includes(action))) {
					await (
						await findByText(page, '[data-test-id="node-creator-category-item"]', /^Actions/)
					).click();
					await sleep(800);
					entries = await visibleEntries();
				}
				for (const expected of [...row.triggerEntries, ...row.actionEntries])
					expect(entries).toContain(expected);
				// No entry is a bare verb without a subject, as n8n generates them from a parameter
				// called "Events" whose options name no subject ("On created").
				expect(entries.filter((text) => /^On (created|updated)$/i.test(text))).toEqual([]);

				await (
					await findByText(
						page,
						'[data-test-id="node-creator"] [data-test-id="item-iterator-item"]',
						row.pick.entry,
					)
				).click();
				await sleep(1500);
				await closeNodePanel(page);
				await page.waitForSelector(canvasNode({ type: row.type }), { timeout: 30_000 });
				expect(await canvasNodeText(page, { type: row.type })).toContain(row.pick.subtitle);
			});

			it('shows its panel at the defaults, with a readable subtitle and whole output labels', async () => {
				await openWorkflow(page, n8n.baseUrl, row.workflowId);
				expect(await canvasNodeText(page, row.nodeName)).toBe(
					`${row.nodeName}${row.defaultSubtitle}`,
				);
				if (row.outputLabels !== undefined) {
					const labels = await outputLabels(page, `${row.nodeName} per event`);
					expect(labels.map((label) => label.text)).toEqual(row.outputLabels);
					expect(labels.filter((label) => label.cutOff)).toEqual([]);
				}
				const parameters = await openNodePanel(page, row.nodeName);
				for (const label of row.panelLabels) expect(parameters).toContain(label);
				if (row.setupNotice) {
					const panel = await page.$eval(
						'[data-test-id="ndv"]',
						(node) => (node as unknown as { innerText: string }).innerText,
					);
					expect(panel).toContain('Webhook URLs');
					expect(parameters).toContain('Open "Webhook URLs" above, switch to "Production URL"');
					expect(parameters).toContain('publish the workflow (on n8n 1.x: switch it to Active)');
					// The word the editor itself uses: n8n 2.x publishes, 1.x activates.
					const publish = await page.$('[data-test-id="workflow-open-publish-modal-button"]');
					if (IS_N8N_1) expect(publish).toBeNull();
					else
						expect(await publish?.evaluate((node) => node.textContent ?? '')).toContain('Publish');
				}
				expect(parameters).not.toMatch(/Activate this workflow/);
				await page.screenshot({ path: screenshot(row.screenshot) });
				await closeNodePanel(page);
			});
		},
	);
});

describe(`every credential in the n8n editor (n8n ${n8nVersion()})`, () => {
	describe.each(CREDENTIAL_ROWS.map((row) => [row.type, row] as const))(
		'%s',
		(_type, row: CredentialRow) => {
			it('explains itself, and a failing test names the cause in words', async () => {
				await openWorkflow(page, n8n.baseUrl, row.workflowId);
				await openNodePanel(page, row.nodeName);
				if (row.authentication !== undefined)
					await chooseOption(page, 'authentication', row.authentication);
				const empty = await page.$('[data-test-id="node-credentials-empty-state"] button');
				if (empty !== null) await empty.click();
				else {
					// n8n 1.x: a credential drop-down whose first item creates one.
					await page.click('[data-test-id="node-credentials-select"]');
					await (
						await page.waitForSelector('[data-test-id="node-credentials-select-item-new"]', {
							visible: true,
							timeout: 30_000,
						})
					)?.click();
				}
				const dialog = '[data-test-id="credential-edit-dialog"]';
				await page.waitForSelector(dialog, { timeout: 30_000 });
				await sleep(800);
				// The dialog's header (the credential type's name) sits outside its body.
				const text = await page.$eval(
					'body',
					(node) => (node as unknown as { innerText: string }).innerText,
				);
				for (const expected of row.dialogText) expect(text).toMatch(expected);
				if (row.optionLabels !== undefined) {
					// Each option shows its name, then its description.
					const labels = await optionLabels(page, row.optionLabels.field);
					expect(labels).toHaveLength(row.optionLabels.labels.length);
					row.optionLabels.labels.forEach((label, index) =>
						expect(labels[index]?.startsWith(label)).toBe(true),
					);
					expect(labels.join(' ')).not.toMatch(/\((Cn|Ap|Eu|Na)\)/);
				}
				const values =
					typeof row.failingValues === 'function' ? row.failingValues(local) : row.failingValues;
				for (const [name, value] of Object.entries(values)) {
					const input = await page.waitForSelector(
						`${dialog} [data-test-id="parameter-input-${name}"] input`,
					);
					await input?.click({ count: 3 });
					await input?.type(value);
				}
				await sleep(800);
				await page.click('[data-test-id="credential-save-button"]');
				// n8n 2.x folds the message under "More details".
				const more = await findByText(
					page,
					`${dialog} span, ${dialog} a`,
					'More details',
					15_000,
				).catch(() => undefined);
				await more?.click();
				const shown = await waitForText(page, dialog, row.failure, 30_000);
				const secret = values[row.secretField] ?? '';
				expect(secret).not.toBe('');
				if (secret.length >= 16) expect(shown).not.toContain(secret);
				await page.screenshot({ path: screenshot(row.screenshot) });
				await page.keyboard.press('Escape');
				await sleep(500);
			});
		},
	);
});

describe(`the Gensee Trigger in the n8n editor (n8n ${n8nVersion()})`, () => {
	it('shows its parameters and Options, and not the hidden body-parser switch', async () => {
		await openWorkflow(page, n8n.baseUrl, GENSEE_WORKFLOW_ID);
		await (
			await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 })
		)?.click({ count: 2 });
		const parameters = await waitForText(
			page,
			'[data-test-id="node-parameters"]',
			'Co-Browse Requests Start the Workflow',
		);
		for (const label of ['Authentication', 'Trigger On', 'Action Codes', 'Outputs', 'Options']) {
			expect(parameters).toContain(label);
		}
		expect(parameters).not.toContain('Read Request Bodies');
		await page.$$eval('[data-test-id="node-parameters"] *', (elements) =>
			elements
				.find(
					(element) => element.childElementCount === 0 && element.textContent?.trim() === 'Options',
				)
				?.scrollIntoView({ block: 'start' }),
		);
		await page.screenshot({ path: screenshot('gensee-trigger-options') });
	});

	it('reads a body n8n would refuse when listening for a test event, flagged, in the output panel', async () => {
		await clickButton(/^(Test this trigger|Listen for test event|Execute step)$/i);
		const url = `${n8n.baseUrl}/webhook-test/${HOOK}`;
		const body =
			'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><webcast>&x;</webcast>';
		// The test webhook exists once the editor has registered it.
		const reply = await pollUntil(
			async () => {
				const answer = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'text/xml' },
					body,
				});
				return answer.status !== 404 && answer;
			},
			{ timeout: 60_000, interval: 500, describe: `the test webhook ${url}`, logSource: n8n },
		);
		expect(reply.status).toBe(200);
		expect(await reply.text()).toBe('');
		const output = await waitForText(page, '[data-test-id="output-panel"]', 'unrecognized');
		expect(output).toContain('DOCTYPE');
		await page.screenshot({ path: screenshot('gensee-trigger-flagged-test-event') });
	});

	it('keeps the switch out of the stored workflow: n8n supplies it as the parameter default', async () => {
		const cookie = (await page.cookies()).find((entry) => entry.name === 'n8n-auth')?.value ?? '';
		const response = await fetch(`${n8n.baseUrl}/rest/workflows/${GENSEE_WORKFLOW_ID}`, {
			headers: { cookie: `n8n-auth=${cookie}` },
		});
		const { data } = (await response.json()) as {
			data: { nodes: Array<{ parameters: Record<string, unknown> }> };
		};
		expect(data.nodes[0]?.parameters).toMatchObject({ triggerOptions: { emitCoBrowse: true } });
		expect(data.nodes[0]?.parameters).not.toHaveProperty('options');
	});
});
