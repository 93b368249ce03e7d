/**
 * The recipes in examples/ prepared the way their sticky notes tell a user to: the Settings node
 * pointed at the test's sink, a credential chosen in every node that asks for one, and (n8n 1.x,
 * which finds data tables by ID only) each data table picked from the list. Everything else is
 * imported exactly as shipped.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { isRecord } from '../nodes/shared/guards';
import { REPO_ROOT } from './n8n.mjs';
import type { RunningN8n } from './startN8n.mjs';

export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

type Json = Record<string, unknown>;

export interface CredentialRef {
	id: string;
	name: string;
}

/** The credentials of support/fixtures/recipes.credentials.json. */
export const RECIPE_CREDENTIALS = {
	qingsuyunApi: { id: 'recipeQsyCred001', name: 'Qingsuyun account' },
	agoraClassroomApi: { id: 'recipeAgoraCred1', name: 'Agora account' },
	crmKey: { id: 'recipeApiKeyCred', name: 'CRM and HR API key' },
	bookingKey: { id: 'recipeHookCred01', name: 'Booking webhook key' },
	/** Points at the real Teachbase: the recipes suite makes its own, for the fake server. */
	teachbaseApi: { id: 'recipeTbCred0001', name: 'Teachbase account' },
	genseeApi: { id: 'recipeGenseeCred', name: 'Gensee account' },
} satisfies Record<string, CredentialRef>;

/** What a user picks in each node that asks for a credential, by credential type. */
export const RECIPE_CREDENTIALS_BY_TYPE: Record<string, CredentialRef> = {
	qingsuyunApi: RECIPE_CREDENTIALS.qingsuyunApi,
	agoraClassroomApi: RECIPE_CREDENTIALS.agoraClassroomApi,
	teachbaseApi: RECIPE_CREDENTIALS.teachbaseApi,
	httpHeaderAuth: RECIPE_CREDENTIALS.crmKey,
	genseeApi: RECIPE_CREDENTIALS.genseeApi,
};

export interface RecipeSetup {
	/** The file in examples/. */
	file: string;
	/** The workflow id to import it under (16 characters), so a test can find its executions. */
	id: string;
	/** New values for the Settings node's fields, by field name (each must exist). */
	settings: Record<string, string | number>;
	/** The credential the user picks, by credential type. */
	credentials: Record<string, CredentialRef>;
	/** Fixed webhook ids for the trigger nodes, by node name, for stable production URLs. */
	webhookIds?: Record<string, string>;
	/** Parameters a sticky note asks the user to set on a node, by node name. */
	parameters?: Record<string, Json>;
	/** Data table ids by table name, as the user's tables were created. */
	tables: Record<string, string>;
	/** n8n 1.x finds data tables by ID only: the user picks each table from the list there. */
	pickTablesById: boolean;
}

export function nodesOf(workflow: Json): Json[] {
	return Array.isArray(workflow.nodes) ? workflow.nodes.filter(isRecord) : [];
}

function parametersOf(node: Json): Json {
	if (!isRecord(node.parameters)) throw new Error(`node ${String(node.name)} has no parameters`);
	return node.parameters;
}

/** The credential type a node asks for, as n8n's editor shows it; undefined when it needs none. */
export function credentialTypeOf(node: Json): string | undefined {
	const parameters = isRecord(node.parameters) ? node.parameters : {};
	switch (node.type) {
		case 'n8n-nodes-edu-events.qingsuyunTrigger':
			return 'qingsuyunApi';
		case 'n8n-nodes-edu-events.agoraClassroom':
		case 'n8n-nodes-edu-events.agoraClassroomTrigger':
			return 'agoraClassroomApi';
		case 'n8n-nodes-edu-events.teachbase':
			return 'teachbaseApi';
		case 'n8n-nodes-edu-events.gensee':
			return 'genseeApi';
		case 'n8n-nodes-edu-events.teachbaseTrigger':
		case 'n8n-nodes-edu-events.genseeTrigger':
			return parameters.authentication === 'token' ? 'eduWebhookTokenApi' : undefined;
		case 'n8n-nodes-base.httpRequest':
			return parameters.authentication === 'genericCredentialType' &&
				typeof parameters.genericAuthType === 'string'
				? parameters.genericAuthType
				: undefined;
		case 'n8n-nodes-base.webhook':
			return parameters.authentication === 'headerAuth' ? 'httpHeaderAuth' : undefined;
		default:
			return undefined;
	}
}

export async function readRecipe(file: string): Promise<Json> {
	const parsed: unknown = JSON.parse(await readFile(path.join(EXAMPLES_DIR, file), 'utf8'));
	if (!isRecord(parsed)) throw new Error(`${file} is not a workflow`);
	return parsed;
}

function setSettings(node: Json, values: Record<string, string | number>): void {
	const assignments = parametersOf(node).assignments;
	const list =
		isRecord(assignments) && Array.isArray(assignments.assignments)
			? assignments.assignments.filter(isRecord)
			: [];
	for (const [name, value] of Object.entries(values)) {
		const field = list.find((assignment) => assignment.name === name);
		if (field === undefined) throw new Error(`Settings has no field ${name}`);
		field.value = value;
	}
}

function pickTable(node: Json, tables: Record<string, string>, byId: boolean): void {
	const parameters = parametersOf(node);
	const locator = parameters.dataTableId;
	if (!isRecord(locator) || locator.mode !== 'name' || typeof locator.value !== 'string')
		throw new Error(`data table node ${String(node.name)} does not name its table`);
	if (!byId) return;
	const id = tables[locator.value];
	if (id === undefined) throw new Error(`no data table ${locator.value} was created`);
	parameters.dataTableId = { __rl: true, mode: 'list', value: id, cachedResultName: locator.value };
}

/** The recipe as the user has set it up, ready for `n8n import:workflow`. */
export async function prepareRecipe(setup: RecipeSetup): Promise<Json> {
	const workflow = await readRecipe(setup.file);
	workflow.id = setup.id;
	let settingsFound = false;
	for (const node of nodesOf(workflow)) {
		const name = String(node.name);
		if (name === 'Settings') {
			setSettings(node, setup.settings);
			settingsFound = true;
		}
		const type = credentialTypeOf(node);
		if (type !== undefined) {
			const credential = setup.credentials[type];
			if (credential === undefined) throw new Error(`${name} needs a ${type} credential`);
			node.credentials = { [type]: credential };
		}
		const webhookId = setup.webhookIds?.[name];
		if (webhookId !== undefined) node.webhookId = webhookId;
		const overrides = setup.parameters?.[name];
		if (overrides !== undefined) Object.assign(parametersOf(node), overrides);
		if (node.type === 'n8n-nodes-base.dataTable')
			pickTable(node, setup.tables, setup.pickTablesById);
	}
	if (!settingsFound) throw new Error(`${setup.file} has no Settings node`);
	return workflow;
}

/**
 * Prepares the recipes, writes them into the n8n's user folder and imports them there, activated
 * unless told not to; n8n then also waits for `webhooks` to be registered.
 */
export async function importRecipes(
	n8n: RunningN8n,
	setups: readonly RecipeSetup[],
	webhooks: readonly string[],
	options: { activate?: boolean } = {},
): Promise<void> {
	const dir = path.join(n8n.userFolder, 'recipes');
	await mkdir(dir, { recursive: true });
	const files: string[] = [];
	for (const setup of setups) {
		const target = path.join(dir, `${setup.id}.json`);
		await writeFile(target, JSON.stringify(await prepareRecipe(setup), null, 2));
		files.push(target);
	}
	await n8n.importWorkflows(files, webhooks, options);
}
