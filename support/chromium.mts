/**
 * Debian's chromium, headless, driven by puppeteer-core (no browser download): the n8n editor
 * for the editor suite and the recipe screenshots.
 */
import { existsSync } from 'node:fs';

import puppeteer, { type Browser, type Page, type Viewport } from 'puppeteer-core';

export const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM))
		throw new Error(
			`${CHROMIUM} is missing: apt-get install chromium fonts-noto-cjk (.ci/run does)`,
		);
	return await puppeteer.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

/** A page of the editor at `baseUrl`, signed in with the owner's session cookie. */
export async function editorPage(
	browser: Browser,
	baseUrl: string,
	cookie: string,
	viewport: Viewport = { width: 1400, height: 1000 },
): Promise<Page> {
	const page = await browser.newPage();
	await page.setViewport(viewport);
	await page.setCookie({
		name: 'n8n-auth',
		value: cookie,
		domain: new URL(baseUrl).hostname,
		path: '/',
	});
	return page;
}
