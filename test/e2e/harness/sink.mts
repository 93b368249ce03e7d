import { createServer, type IncomingMessage, type Server } from 'node:http';

import { pollUntil } from '../../../support/process.mjs';

export interface SinkRecord {
	/** The request path, e.g. `/qingsuyun-basic/0`: which workflow and which trigger output. */
	path: string;
	body: Record<string, unknown>;
	method: string;
	/** The request's headers, names in lower case. */
	headers: Record<string, string>;
}

/**
 * A loopback HTTP server the test workflows post every item to (an HTTP Request node after the
 * trigger), so a test sees exactly what the workflow received.
 */
export class Sink {
	readonly records: SinkRecord[] = [];

	private constructor(
		private readonly server: Server,
		readonly url: string,
	) {}

	static async start(): Promise<Sink> {
		let sink: Sink | undefined;
		const server = createServer((request, response) => {
			void readBody(request).then((text) => {
				let body: Record<string, unknown> = {};
				try {
					const parsed: unknown = JSON.parse(text);
					if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
						body = parsed as Record<string, unknown>;
					}
				} catch {
					body = { unparsedSinkBody: text };
				}
				const headers: Record<string, string> = {};
				for (const [name, value] of Object.entries(request.headers))
					if (typeof value === 'string') headers[name] = value;
				sink?.records.push({
					path: request.url ?? '/',
					body,
					method: request.method ?? 'GET',
					headers,
				});
				response.writeHead(200, { 'content-type': 'application/json' });
				response.end('{"ok":true}');
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const address = server.address();
		if (!address || typeof address !== 'object') throw new Error('sink did not start');
		sink = new Sink(server, `http://127.0.0.1:${address.port}`);
		return sink;
	}

	recordsAt(path: string): SinkRecord[] {
		return this.records.filter((record) => record.path === path);
	}

	/** The records at `pathPrefix` or any path starting with it. */
	recordsUnder(pathPrefix: string): SinkRecord[] {
		return this.records.filter((record) => record.path.startsWith(pathPrefix));
	}

	/** Waits until `count` records have arrived at `path` (or any path starting with it). */
	async waitFor(pathPrefix: string, count = 1, timeoutMs = 30_000): Promise<SinkRecord[]> {
		return await pollUntil(
			() => {
				const matching = this.recordsUnder(pathPrefix);
				return matching.length >= count && matching;
			},
			{
				timeout: timeoutMs,
				interval: 100,
				describe: () =>
					`sink: ${count} record(s) at ${pathPrefix}, got ${this.recordsUnder(pathPrefix).length}: ${JSON.stringify(
						this.records.map((record) => record.path),
					)}`,
			},
		);
	}

	/** Waits until at least one record at `path` satisfies `predicate`; returns all that do. */
	async waitForMatch(
		path: string,
		predicate: (body: Record<string, unknown>) => boolean,
		timeoutMs = 30_000,
	): Promise<SinkRecord[]> {
		return await pollUntil(
			() => {
				const matching = this.recordsAt(path).filter((record) => predicate(record.body));
				return matching.length > 0 && matching;
			},
			{ timeout: timeoutMs, interval: 100, describe: `sink: a matching record at ${path}` },
		);
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request)
		chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
	return Buffer.concat(chunks).toString('utf8');
}
