/**
 * Pictures of the recipes for the README: starts a real n8n (N8N_VERSION, default 2.41.1) with
 * every workflow in examples/ imported — credentials chosen, as after setup — opens each in the
 * editor in Debian's headless chromium (puppeteer-core, the system browser) and saves the canvas
 * to docs/screenshots/recipes/<recipe>.png. Whoever changes a recipe runs it again:
 *
 *   npm run screenshots:recipes
 *
 * Needs `apt-get install chromium fonts-noto-cjk` (the Chinese sample text needs the CJK fonts).
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

import { editorPage, launchChromium } from '../support/chromium.mjs';
import { agoraCredentialSubstitutions } from '../support/fakes/agoraApp.mjs';
import { buildPackage, REPO_ROOT } from '../support/n8n.mjs';
import { ownerCookie } from '../support/n8nRest.mjs';
import { sleep } from '../support/process.mjs';
import {
	EXAMPLES_DIR,
	RECIPE_CREDENTIALS_BY_TYPE,
	importRecipes,
	type RecipeSetup,
} from '../support/recipes.mjs';
import { startN8n } from '../support/startN8n.mjs';

const OUTPUT = path.join(REPO_ROOT, 'docs', 'screenshots', 'recipes');

function setupOf(file: string, index: number): RecipeSetup {
	return {
		file,
		id: `recipeShot${String(index).padStart(6, '0')}`,
		settings: {},
		credentials: RECIPE_CREDENTIALS_BY_TYPE,
		tables: {},
		pickTablesById: false,
	};
}

async function main(): Promise<void> {
	const files = (await readdir(EXAMPLES_DIR)).filter((file) => file.endsWith('.json')).sort();
	await buildPackage();
	await mkdir(OUTPUT, { recursive: true });
	const n8n = await startN8n({
		credentials: ['recipes.credentials.json'],
		workflows: [],
		substitutions: {
			...agoraCredentialSubstitutions('https://api.sd-rtn.com'),
			QINGSUYUN_SECRET: 'screenshot-secret',
			API_TOKEN: 'screenshot-token',
			BOOKING_KEY: 'screenshot-key',
			GENSEE_URL: 'https://mysite.gensee.com',
			GENSEE_LOGIN: 'screenshot@example.com',
			GENSEE_PASSWORD: 'screenshot-password',
		},
		webhooks: [],
	});
	const browser = await launchChromium();
	try {
		const setups = files.map(setupOf);
		// Imported only: the pictures need no active workflows.
		await importRecipes(n8n, setups, [], { activate: false });
		const cookie = await ownerCookie(n8n.baseUrl);
		const page = await editorPage(browser, n8n.baseUrl, cookie, {
			width: 1600,
			height: 1000,
			// Sharp enough to read the sticky notes when the picture is opened at full size.
			deviceScaleFactor: 2,
		});
		for (const setup of setups) {
			await page.goto(`${n8n.baseUrl}/workflow/${setup.id}`, {
				waitUntil: 'networkidle2',
				timeout: 120_000,
			});
			await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
			// "Zoom to fit" (the canvas shortcut 1), after n8n's own fit on load has settled.
			await sleep(1_500);
			await page.keyboard.press('1');
			// One step out (the shortcut -), so the floating "Execute workflow" button covers no node.
			await page.keyboard.press('-');
			await sleep(1_000);
			const target = path.join(OUTPUT, setup.file.replace(/\.json$/, '.png'));
			await page.screenshot({ path: target });
			console.log(`${setup.file} → ${path.relative(REPO_ROOT, target)}`);
		}
	} finally {
		await browser.close();
		await n8n.stop();
	}
}

await main();
