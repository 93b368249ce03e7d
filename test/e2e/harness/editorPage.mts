/**
 * Small steps in the n8n editor for the editor suite, by n8n's own data-test-id attributes
 * (the same in 2.41.1 and 1.123.81 where the suite uses them) and visible text.
 */
import type { ElementHandle, Page } from 'puppeteer-core';

import { pollUntil, sleep } from '../../../support/process.mjs';

export async function waitForText(
	page: Page,
	selector: string,
	text: string | RegExp,
	timeoutMs = 60_000,
): Promise<string> {
	let seen = '';
	return await pollUntil(
		async () => {
			seen = await page
				.$eval(selector, (element) => (element as unknown as { innerText: string }).innerText ?? '')
				.catch(() => '');
			return (typeof text === 'string' ? seen.includes(text) : text.test(seen)) && seen;
		},
		{
			timeout: timeoutMs,
			describe: () => `"${String(text)}" in ${selector}; it shows:\n${seen.slice(0, 2000)}`,
		},
	);
}

/** The first visible element under `root` matching `selector` whose trimmed text passes `text`. */
export async function findByText(
	page: Page,
	selector: string,
	text: string | RegExp,
	timeoutMs = 30_000,
): Promise<ElementHandle> {
	let labels: string[] = [];
	return await pollUntil(
		async () => {
			labels = [];
			for (const element of await page.$$(selector)) {
				const label = await element.evaluate((node) => (node.textContent ?? '').trim());
				const matches = typeof text === 'string' ? label === text : text.test(label);
				if (matches && (await element.isVisible())) return element;
				if (label !== '') labels.push(label);
			}
			return undefined;
		},
		{
			timeout: timeoutMs,
			describe: () =>
				`something visible matching ${String(text)} in ${selector}; seen: ${labels.join(' | ')}`,
		},
	);
}

export async function openWorkflow(page: Page, baseUrl: string, id: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/${id}`, { waitUntil: 'networkidle2', timeout: 120_000 });
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
}

/** A canvas node by its name, or by its type (`{ type: "qingsuyunTrigger" }`). */
export function canvasNode(node: string | { type: string }): string {
	return typeof node === 'string'
		? `[data-test-id="canvas-node"][data-node-name="${node}"]`
		: `[data-test-id="canvas-node"][data-node-type$=".${node.type}"]`;
}

/** The node's text on the canvas without its output labels and toolbar: its name and subtitle. */
export async function canvasNodeText(page: Page, name: string | { type: string }): Promise<string> {
	return await page.$eval(canvasNode(name), (node) => {
		const copy = node.cloneNode(true) as typeof node;
		for (const drop of copy.querySelectorAll(
			'[data-test-id="canvas-node-output-handle"], [data-test-id="canvas-node-toolbar"], [data-test-id^="execute-workflow-button"]',
		))
			drop.remove();
		return (copy.textContent ?? '').trim();
	});
}

/** Output labels of a canvas node, each with whether the canvas cut it off. */
export async function outputLabels(
	page: Page,
	name: string,
): Promise<Array<{ text: string; cutOff: boolean }>> {
	return await page.$$eval(
		`${canvasNode(name)} [data-test-id="canvas-node-output-handle"] *`,
		(elements) =>
			elements
				.filter(
					(element) => element.childElementCount === 0 && (element.textContent ?? '').trim() !== '',
				)
				.map((element) => ({
					text: (element.textContent ?? '').trim(),
					cutOff: element.scrollWidth > element.clientWidth + 1,
				})),
	);
}

export async function openNodePanel(page: Page, name: string): Promise<string> {
	const node = await page.waitForSelector(canvasNode(name), { timeout: 60_000 });
	await node?.click({ count: 2 });
	await page.waitForSelector('[data-test-id="node-parameters"]', { timeout: 60_000 });
	await sleep(800);
	return await page.$eval(
		'[data-test-id="node-parameters"]',
		(element) => (element as unknown as { innerText: string }).innerText,
	);
}

export async function closeNodePanel(page: Page): Promise<void> {
	const close = await page.$('[data-test-id="ndv-close-button"]');
	if (close !== null && (await close.isVisible())) await close.click();
	else await page.keyboard.press('Escape');
	await sleep(500);
}

/** Chooses `option` in the options parameter `name` of the open panel or dialog. */
export async function chooseOption(page: Page, name: string, option: string): Promise<void> {
	await page.click(`[data-test-id="parameter-input-${name}"]`);
	// An option's text is its name followed by its description.
	const choice = await findByText(
		page,
		'.el-select-dropdown__item, [role="option"]',
		new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
	);
	await choice.click();
	await sleep(500);
}

/** The visible option labels of the options parameter `name`, read from its open drop-down. */
export async function optionLabels(page: Page, name: string): Promise<string[]> {
	await page.click(`[data-test-id="parameter-input-${name}"]`);
	await sleep(500);
	const labels: string[] = [];
	for (const element of await page.$$('.el-select-dropdown__item, [role="option"]')) {
		if (!(await element.isVisible())) continue;
		const name = await element.$eval('span', (span) => span.textContent ?? '').catch(() => null);
		labels.push((name ?? (await element.evaluate((node) => node.textContent ?? ''))).trim());
	}
	await page.keyboard.press('Escape');
	await sleep(300);
	return labels;
}
