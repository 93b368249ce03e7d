import { buildPackage, ensureN8nInstalled } from '../../../support/n8n.mjs';

export default async function setup(): Promise<void> {
	await ensureN8nInstalled();
	// The e2e files load dist/ into n8n: always test what the current sources build to.
	await buildPackage();
}
