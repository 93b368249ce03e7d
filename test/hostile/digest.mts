/**
 * Prints, per platform, how many requests its hostile corpus generates and sha256 digests of them,
 * so a change to how corpora are built can be shown to generate the very same requests:
 * `npx tsx test/hostile/digest.mts`.
 *
 * - `requests`: method, path with query, headers and body bytes, in corpus order.
 * - `expectations`: label, category, marker, what each request must cause, its concurrent group.
 * - `protocol`: what the platform's protocol check says about a fixed set of replies to each.
 *
 * Two things would differ from run to run and are fixed before the corpora load: the clock
 * (Qingsuyun's `ts` is the current Beijing time) and the random run tag in every marker (it is
 * also inside gzip and UTF-16 bodies, so it is seeded rather than replaced afterwards).
 */
import crypto, { createHash, type Hash } from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';

import type { HostilePlatform, HostileReply, HostileRequest } from './types.mjs';

const FROZEN_NOW = Date.UTC(2026, 0, 1, 0, 0, 0);

class FrozenDate extends Date {
	constructor(value: number | string | Date = FROZEN_NOW) {
		super(value);
	}

	static override now(): number {
		return FROZEN_NOW;
	}
}
Object.defineProperty(globalThis, 'Date', { value: FrozenDate });
Object.defineProperty(crypto, 'randomBytes', { value: (size: number) => Buffer.alloc(size, 0x5a) });
syncBuiltinESMExports();

const REPLIES: readonly HostileReply[] = [
	{ status: 200, contentType: null, text: '', elapsedMs: 0 },
	{ status: 200, contentType: 'text/plain', text: 'ok', elapsedMs: 0 },
	{ status: 200, contentType: 'application/json', text: '{"ok":true}', elapsedMs: 0 },
	{ status: 200, contentType: 'text/html', text: '<html><body>x</body></html>', elapsedMs: 0 },
	{ status: 400, contentType: 'application/json', text: '{"code":400}', elapsedMs: 0 },
	{ status: 403, contentType: 'text/plain', text: 'Forbidden', elapsedMs: 0 },
	{ status: 413, contentType: 'text/plain', text: 'too large', elapsedMs: 0 },
	{ status: 0, contentType: null, text: '', networkError: 'reset', elapsedMs: 0 },
];

function feed(hash: Hash, part: string | Buffer): void {
	const bytes = Buffer.from(part);
	hash.update(`${bytes.length}:`);
	hash.update(bytes);
}

function pathOf(request: HostileRequest): string {
	const url = new URL(`http://n8n/webhook/${request.webhook}`);
	for (const [key, value] of Object.entries(request.query ?? {}))
		url.searchParams.append(key, value);
	return `${url.pathname}${url.search}`;
}

function digest(platform: HostilePlatform): string {
	const corpus = platform.buildCorpus();
	const requests = createHash('sha256');
	const expectations = createHash('sha256');
	const protocol = createHash('sha256');
	for (const request of corpus) {
		feed(requests, request.method);
		feed(requests, pathOf(request));
		feed(requests, JSON.stringify(Object.entries(request.headers)));
		feed(requests, request.body === undefined ? 'no body' : 'body');
		feed(requests, request.body ?? '');
		feed(
			expectations,
			JSON.stringify([
				request.label,
				request.category,
				request.marker,
				request.authenticated,
				request.expect,
				request.n8nRefusal ?? null,
				request.concurrentGroup ?? null,
			]),
		);
		for (const reply of REPLIES)
			feed(protocol, platform.protocolViolation(request, reply) ?? 'right');
	}
	const meta = createHash('sha256')
		.update(JSON.stringify([platform.fixtures, platform.secrets, platform.deduplicates]))
		.digest('hex');
	return [
		`${platform.name}: ${corpus.length} requests`,
		`  requests     ${requests.digest('hex')}`,
		`  expectations ${expectations.digest('hex')}`,
		`  protocol     ${protocol.digest('hex')}`,
		`  platform     ${meta}`,
	].join('\n');
}

const { hostilePlatforms } = await import('./corpus.mjs');
const { markerFactory } = await import('./markers.mjs');
if (!markerFactory('check')().endsWith('-5a5a5a5a')) throw new Error('the run tag is not seeded');
for (const platform of hostilePlatforms) console.log(digest(platform));
