/**
 * `npm start`: a local n8n at http://localhost:5678 with this package loaded, on n8n's default
 * SQLite database. Its data lives in .n8n-local/ in the repository, so workflows and credentials
 * survive restarts. N8N_PORT and EDU_EVENTS_USER_FOLDER change the port and the folder.
 */
import path from 'node:path';
import { mkdir } from 'node:fs/promises';

import {
	buildPackage,
	ensureN8nInstalled,
	n8nEnvironment,
	REPO_ROOT,
	spawnN8n,
	stagePackage,
} from '../support/n8n.mjs';

async function main(): Promise<void> {
	const port = Number(process.env.N8N_PORT ?? 5678);
	const userFolder = path.resolve(
		process.env.EDU_EVENTS_USER_FOLDER ?? path.join(REPO_ROOT, '.n8n-local'),
	);

	console.log(
		'Preparing n8n (the first run installs it, which takes a few minutes; progress below)…',
	);
	const install = await ensureN8nInstalled();
	console.log(`n8n ${install.version} is installed. Building n8n-nodes-edu-events…`);
	await buildPackage();
	await mkdir(userFolder, { recursive: true });
	await stagePackage(userFolder);

	const env = n8nEnvironment({
		install,
		userFolder,
		port,
		brokerPort: port + 1,
		listenAddress: process.env.N8N_LISTEN_ADDRESS ?? '127.0.0.1',
		extra: {
			N8N_HOST: 'localhost',
			WEBHOOK_URL: process.env.WEBHOOK_URL ?? `http://localhost:${port}/`,
		},
	});
	console.log(`Starting n8n ${install.version} with n8n-nodes-edu-events (data in ${userFolder})`);
	console.log(`Open http://localhost:${port} once n8n says it is ready. Stop with Ctrl+C.`);

	const child = spawnN8n(install, ['start'], env, 'inherit');
	const stop = (): void => {
		child.kill('SIGTERM');
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
