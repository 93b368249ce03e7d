/**
 * Sends realistic sample events of a platform to a URL, so a workflow can be tried without the
 * vendor:
 *
 *   npm run send -- <platform> <event|all> <url> [flags]
 */
import { deliver } from '../support/deliver.mjs';
import { samplePlatforms } from '../support/samples/index.mjs';
import { SampleError, type Delivery } from '../support/samples/types.mjs';

function usageText(): string {
	const lines = Object.entries(samplePlatforms).map(
		([name, platform]) =>
			`  npm run send -- ${name} <${[...platform.events, 'all'].join('|')}> <url> ${platform.flagsUsage}`,
	);
	return `Usage:\n${lines.join('\n')}`;
}

function fail(message: string): never {
	console.error(`${message}\n\n${usageText()}`);
	process.exit(2);
}

function parseFlags(args: string[]): Record<string, string> {
	const flags: Record<string, string> = {};
	for (let index = 0; index < args.length; index++) {
		const arg = args[index];
		if (arg?.startsWith('--')) {
			flags[arg.slice(2)] = args[index + 1] ?? '';
			index++;
		}
	}
	return flags;
}

async function send(url: string, delivery: Delivery): Promise<boolean> {
	const reply = await deliver(url, delivery);
	console.log(`${delivery.label} → HTTP ${reply.status} ${reply.text.slice(0, 200)}`);
	return reply.status < 400;
}

async function main(): Promise<void> {
	const [platformName, event, url, ...rest] = process.argv.slice(2);
	if (!platformName || !event || !url) fail('Missing arguments.');
	const platform = samplePlatforms[platformName];
	if (!platform) fail(`Unknown platform "${platformName}".`);
	if (!/^https?:\/\//.test(url)) fail(`"${url}" is not an http(s) URL.`);

	let deliveries: Delivery[];
	try {
		deliveries = platform.deliveries(event, { flags: parseFlags(rest) });
	} catch (error) {
		if (error instanceof SampleError) fail(error.message);
		throw error;
	}

	let allDelivered = true;
	for (const delivery of deliveries) {
		if (!(await send(url, delivery))) allDelivered = false;
	}
	process.exit(allDelivered ? 0 : 1);
}

void main();
