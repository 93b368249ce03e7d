/**
 * One real n8n for the recipes suite, set up as a user sets up the recipes: the credentials
 * created, the owner signed in, the data tables the sticky notes ask for created under
 * Overview → Data tables, then the recipes imported (prepared by `prepareRecipe`) and activated.
 * The fake Agora server stands in for Agora; the sink for the CRM, HR system, sheet and chat bots.
 */
import { afterAll } from 'vitest';

import { DataTables, type ColumnType } from '../../../support/dataTables.mjs';
import { agoraCredentialSubstitutions } from '../../../support/fakes/agoraApp.mjs';
import { FakeGenseeServer } from '../../../support/fakes/genseeServer.mjs';
import { RestSession } from '../../../support/n8nRest.mjs';
import { importRecipes, type RecipeSetup } from '../../../support/recipes.mjs';
import { startN8n } from '../../../support/startN8n.mjs';
import { agoraSinkSuite, type AgoraSinkN8n } from './agoraSinkSuite.mjs';

export const QINGSUYUN_SECRET = 'recipe-e2e-qingsuyun-secret-key-01';
export const API_TOKEN = 'recipe-e2e-crm-token-0001';
export const BOOKING_KEY = 'recipe-e2e-booking-key-0001';
export const GENSEE_LOGIN = 'recipes@example.com';
export const GENSEE_PASSWORD = 'recipe-e2e-gensee-pass';

export interface RecipeSuite extends AgoraSinkN8n {
	tables: DataTables;
	/** Table ids by name. */
	tableIds: Record<string, string>;
	/** The fake Gensee server the recipes' Gensee credential points at. */
	gensee: FakeGenseeServer;
}

export interface RecipeSuiteOptions {
	/** The data tables to create, by name, with their columns. */
	tables: Record<string, Record<string, ColumnType>>;
	/** The recipes to import, given the sink's URL and the tables' ids. */
	recipes: (context: { sinkUrl: string; tableIds: Record<string, string> }) => RecipeSetup[];
	/** Production webhook paths (`<webhookId>/<path>`) to wait for. */
	webhooks: string[];
}

export function recipeSuite(
	options: RecipeSuiteOptions,
	onStart: (suite: RecipeSuite) => void,
): void {
	let stopGensee: (() => Promise<void>) | undefined;
	afterAll(async () => await stopGensee?.());
	agoraSinkSuite(
		async (agora, sink, keep) => {
			const gensee = await FakeGenseeServer.start({
				loginName: GENSEE_LOGIN,
				password: GENSEE_PASSWORD,
			});
			stopGensee = async () => await gensee.stop();
			const n8n = await startN8n({
				credentials: ['recipes.credentials.json'],
				workflows: [],
				substitutions: {
					...agoraCredentialSubstitutions(agora.url),
					QINGSUYUN_SECRET,
					API_TOKEN,
					BOOKING_KEY,
					GENSEE_URL: gensee.url,
					GENSEE_LOGIN,
					GENSEE_PASSWORD,
				},
				webhooks: [],
			});
			keep(n8n);
			const tables = await DataTables.ofOwner(await RestSession.asOwner(n8n.baseUrl));
			const tableIds: Record<string, string> = {};
			for (const [name, columns] of Object.entries(options.tables))
				tableIds[name] = await tables.create(name, columns);
			await importRecipes(n8n, options.recipes({ sinkUrl: sink.url, tableIds }), options.webhooks);
			return { n8n, agora, sink, tables, tableIds, gensee };
		},
		onStart,
		400_000,
	);
}
