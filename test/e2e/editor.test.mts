/**
 * The n8n editor is the triggers' UI. In a real browser (Debian's chromium, driven by
 * puppeteer-core): the Gensee Trigger's panel shows its parameters and its Options collection,
 * never the hidden parameter that switches n8n's body parser off; and "Test this trigger" — the
 * workflow as the editor holds it — reads a body n8n's own parser refuses, flagged. Screenshots
 * go to test-results/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { editorPage, launchChromium } from '../../support/chromium.mjs';
import { n8nVersion, REPO_ROOT } from '../../support/n8n.mjs';
import { ownerCookie } from '../../support/n8nRest.mjs';
import { startN8n, type RunningN8n } from '../../support/startN8n.mjs';

const WORKFLOW_ID = 'gsEditorFlow0001';
const HOOK = 'gs-editor/gensee';
/** Each run's screenshots; the ones worth keeping are copied to docs/screenshots/ by hand. */
const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

let n8n: RunningN8n;
let browser: Browser;
let page: Page;

async function waitForText(
	selector: string,
	text: string | RegExp,
	timeoutMs = 60_000,
): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	let seen = '';
	while (Date.now() < deadline) {
		seen = await page.$eval(selector, (element) => element.textContent ?? '').catch(() => '');
		if (typeof text === 'string' ? seen.includes(text) : text.test(seen)) return seen;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(
		`"${String(text)}" did not appear in ${selector}; it shows:\n${seen.slice(0, 2000)}`,
	);
}

/** Clicks the first visible button whose text matches, e.g. "Test this trigger" (2.x) or "Execute step" (1.x). */
async function clickButton(text: RegExp): Promise<void> {
	const labels: string[] = [];
	for (const button of await page.$$('button, [role="button"]')) {
		const label = await button.evaluate((element) => (element.textContent ?? '').trim());
		if (text.test(label) && (await button.isVisible())) {
			await button.click();
			return;
		}
		if (label !== '') labels.push(label);
	}
	await page.screenshot({ path: screenshot('no-such-button') });
	throw new Error(`no visible button matches ${text}; buttons: ${labels.join(' | ')}`);
}

function screenshot(name: string): string {
	return path.join(SCREENSHOTS, `${name}-n8n-${n8nVersion()}.png`);
}

beforeAll(async () => {
	await mkdir(SCREENSHOTS, { recursive: true });
	n8n = await startN8n({
		credentials: [],
		workflows: ['editor.workflows.json'],
		substitutions: {},
		webhooks: [HOOK],
	});
	const cookie = await ownerCookie(n8n.baseUrl);
	browser = await launchChromium();
	page = await editorPage(browser, n8n.baseUrl, cookie);
});

afterAll(async () => {
	await browser?.close();
	await n8n?.stop();
});

describe(`the Gensee Trigger in the n8n editor (n8n ${n8nVersion()})`, () => {
	it('shows its parameters and Options, and not the hidden body-parser switch', async () => {
		await page.goto(`${n8n.baseUrl}/workflow/${WORKFLOW_ID}`, {
			waitUntil: 'networkidle2',
			timeout: 120_000,
		});
		const node = await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
		await node?.click({ count: 2 });
		const parameters = await waitForText(
			'[data-test-id="node-parameters"]',
			'Co-Browse Requests Start the Workflow',
		);
		for (const label of ['Authentication', 'Interfaces', 'Action Codes', 'Outputs', 'Options']) {
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
		let reply: Response | undefined;
		const deadline = Date.now() + 60_000;
		// The test webhook exists once the editor has registered it.
		while (Date.now() < deadline) {
			reply = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
			if (reply.status !== 404) break;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		expect(reply?.status).toBe(200);
		expect(await reply?.text()).toBe('');
		const output = await waitForText('[data-test-id="output-panel"]', 'unrecognized');
		expect(output).toContain('DOCTYPE');
		await page.screenshot({ path: screenshot('gensee-trigger-flagged-test-event') });
	});

	it('keeps the switch out of the stored workflow: n8n supplies it as the parameter default', async () => {
		const cookie = (await page.cookies()).find((entry) => entry.name === 'n8n-auth')?.value ?? '';
		const response = await fetch(`${n8n.baseUrl}/rest/workflows/${WORKFLOW_ID}`, {
			headers: { cookie: `n8n-auth=${cookie}` },
		});
		const { data } = (await response.json()) as {
			data: { nodes: Array<{ parameters: Record<string, unknown> }> };
		};
		expect(data.nodes[0]?.parameters).toMatchObject({ triggerOptions: { emitCoBrowse: true } });
		expect(data.nodes[0]?.parameters).not.toHaveProperty('options');
	});
});
