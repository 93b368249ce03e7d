/**
 * Reads docker/Dockerfile's recipe so a test can repeat it without Docker: the n8n version of the
 * `FROM n8nio/n8n:<version>` line and the `RUN mkdir -p DIR && cd DIR && npm install … PACKAGE`
 * line. A Dockerfile of another shape is an error, so the test and the file cannot drift apart.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { PACKAGE_NAME, REPO_ROOT } from '../../../support/n8n.mjs';

export const DOCKERFILE = path.join(REPO_ROOT, 'docker', 'Dockerfile');

export interface DockerRecipe {
	n8nVersion: string;
	user: string;
	/** The folder the RUN line installs into, as in the image (e.g. /home/node/.n8n/nodes). */
	nodesDir: string;
	/** `npm install`'s flags, without the package. */
	npmFlags: string[];
	/** The package as the RUN line names it, e.g. n8n-nodes-edu-events@${EDU_EVENTS_VERSION}. */
	packageSpec: string;
}

function single(lines: string[], pattern: RegExp, what: string): RegExpExecArray {
	const matches = lines.map((line) => pattern.exec(line)).filter((match) => match !== null);
	if (matches.length !== 1)
		throw new Error(`docker/Dockerfile: expected one ${what}, found ${matches.length}`);
	return matches[0];
}

export function parseDockerRecipe(text: string): DockerRecipe {
	const lines = text.split('\n').filter((line) => !line.trimStart().startsWith('#'));
	const from = single(
		lines,
		/^FROM n8nio\/n8n:(\d+\.\d+\.\d+)\s*$/,
		'FROM n8nio/n8n:<version> line',
	);
	const user = single(lines, /^USER (\S+)\s*$/, 'USER line');
	const run = single(lines, /^RUN (.*)$/, 'RUN line');
	const steps = run[1].split('&&').map((step) => step.trim().split(/\s+/));
	const [mkdir, cd, install] = steps;
	const nodesDir = mkdir?.[2] ?? '';
	const isRecipe =
		steps.length === 3 &&
		mkdir.join(' ') === `mkdir -p ${nodesDir}` &&
		cd.join(' ') === `cd ${nodesDir}` &&
		install[0] === 'npm' &&
		install[1] === 'install' &&
		(install.at(-1) ?? '').startsWith(PACKAGE_NAME);
	if (!isRecipe) {
		throw new Error(
			`docker/Dockerfile: the RUN line is not "mkdir -p DIR && cd DIR && npm install FLAGS ${PACKAGE_NAME}…"`,
		);
	}
	return {
		n8nVersion: from[1],
		user: user[1],
		nodesDir,
		npmFlags: install.slice(2, -1),
		packageSpec: install.at(-1) ?? '',
	};
}

export async function readDockerRecipe(): Promise<DockerRecipe> {
	return parseDockerRecipe(await readFile(DOCKERFILE, 'utf8'));
}
