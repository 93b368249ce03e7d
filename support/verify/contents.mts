/**
 * What the published tarball may hold: the build (`dist/`), README.md, LICENSE and package.json;
 * nothing from the tests; no runtime dependencies or install scripts (n8n installs community
 * packages with `npm install --ignore-scripts`, and verified packages may not have dependencies).
 */

const TOP_LEVEL_FILES = ['README.md', 'LICENSE', 'package.json'];

/**
 * What the build puts in dist/ for n8n: the entry point, the nodes and the credentials.
 * `n8n-node build` copies every PNG and SVG of the repository into dist/, screenshots included,
 * so anything else there is a stray copy.
 */
const BUILD_PATH = /^dist\/(index\.(js|d\.ts|js\.map)|package\.json|nodes\/.+|credentials\/.+)$/;

const TEST_PATH =
	/(^|\/)(test|tests|__tests__|__mocks__|fixtures?|fakes?)(\/|$)|\.(test|spec)\.[cm]?[jt]sx?(\.map)?$|\.(test|spec)\.d\.[cm]?ts$/i;

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
	return Array.isArray(value)
		? value.filter((item): item is string => typeof item === 'string')
		: [];
}

export function isTestPath(file: string): boolean {
	return TEST_PATH.test(file);
}

/** Problems with the tarball's file list. */
export function fileListProblems(files: readonly string[]): string[] {
	const problems: string[] = [];
	for (const file of files) {
		if (!file.startsWith('dist/') && !TOP_LEVEL_FILES.includes(file)) {
			problems.push(`${file}: only dist/, ${TOP_LEVEL_FILES.join(', ')} belong in the package`);
		} else if (isTestPath(file)) {
			problems.push(`${file}: a test file in the package`);
		} else if (file.startsWith('dist/') && !BUILD_PATH.test(file)) {
			problems.push(
				`${file}: not part of the build (only dist/index.*, dist/nodes/ and dist/credentials/ are)`,
			);
		}
	}
	for (const required of TOP_LEVEL_FILES) {
		if (!files.includes(required)) problems.push(`${required}: missing from the package`);
	}
	return problems;
}

/** Problems with the published package.json, checked against the tarball's file list. */
export function manifestProblems(manifest: unknown, files: readonly string[]): string[] {
	if (!isRecord(manifest)) return ['package.json: not a JSON object'];
	const problems: string[] = [];
	const dependencies = manifest.dependencies;
	if (isRecord(dependencies) && Object.keys(dependencies).length > 0) {
		problems.push(
			`package.json: runtime dependencies (${Object.keys(dependencies).join(', ')}); bundle them into dist/ and keep them in devDependencies`,
		);
	}
	const scripts = isRecord(manifest.scripts) ? manifest.scripts : {};
	for (const name of INSTALL_SCRIPTS) {
		if (name in scripts) problems.push(`package.json: an install script ("${name}")`);
	}
	const n8n = isRecord(manifest.n8n) ? manifest.n8n : {};
	const declared = [...stringList(n8n.nodes), ...stringList(n8n.credentials)];
	if (declared.length === 0) problems.push('package.json: "n8n" lists no nodes or credentials');
	for (const entry of declared) {
		if (!files.includes(entry))
			problems.push(`package.json: "n8n" lists ${entry}, which is not in the package`);
	}
	return problems;
}

/** Problems with one source map: it must not map any test source. */
export function sourceMapProblems(mapFile: string, sourceMap: unknown): string[] {
	const sources = isRecord(sourceMap) ? stringList(sourceMap.sources) : [];
	return sources
		.filter((source) => isTestPath(source.replace(/^(\.\.\/)+/, '')))
		.map((source) => `${mapFile}: maps the test source ${source}`);
}
