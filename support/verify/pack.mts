/** Packs the package with `npm pack` into a temporary folder and unpacks the tarball there. */
import { execFile } from 'node:child_process';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface PackedTarball {
	file: string;
	bytes: number;
	/** The unpacked `package/` folder. */
	directory: string;
	/** Every file in the tarball, relative to `package/`, with `/` separators. */
	files: string[];
}

async function listFiles(directory: string, prefix = ''): Promise<string[]> {
	const entries = await readdir(path.join(directory, prefix), { withFileTypes: true });
	const nested = await Promise.all(
		entries.map(async (entry) => {
			const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
			return entry.isDirectory() ? await listFiles(directory, relative) : [relative];
		}),
	);
	return nested.flat().sort();
}

export async function packAndUnpack(root: string, workDir: string): Promise<PackedTarball> {
	const { stdout } = await execFileAsync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', workDir],
		{ cwd: root, maxBuffer: 64 * 1024 * 1024 },
	);
	const tarballs = (await readdir(workDir)).filter((name) => name.endsWith('.tgz'));
	if (tarballs.length !== 1) {
		throw new Error(`npm pack left ${tarballs.length} tarballs in ${workDir}:\n${stdout}`);
	}
	const file = path.join(workDir, tarballs[0]);
	const directory = path.join(workDir, 'unpacked');
	await mkdir(directory);
	await execFileAsync('tar', ['-xzf', file, '-C', directory, '--strip-components=1']);
	return { file, bytes: (await stat(file)).size, directory, files: await listFiles(directory) };
}
