import { request as httpRequest } from 'node:http';

import type { HostileReply, HostileRequest } from './types.mjs';

const REPLY_TEXT_LIMIT = 64 * 1024;
const REQUEST_TIMEOUT_MS = 60_000;

/** Sends one request exactly as described (no headers added but Host and Content-Length). */
export async function sendHostile(baseUrl: string, request: HostileRequest): Promise<HostileReply> {
	const url = new URL(`${baseUrl}/webhook/${request.webhook}`);
	for (const [key, value] of Object.entries(request.query ?? {}))
		url.searchParams.append(key, value);
	const body = request.body === undefined ? undefined : Buffer.from(request.body);
	const started = performance.now();
	return await new Promise<HostileReply>((resolve) => {
		const outgoing = httpRequest(
			url,
			{
				method: request.method,
				headers: {
					...request.headers,
					...(body === undefined ? {} : { 'content-length': String(body.length) }),
				},
				timeout: REQUEST_TIMEOUT_MS,
			},
			(incoming) => {
				const chunks: Buffer[] = [];
				let size = 0;
				incoming.on('data', (chunk: Buffer) => {
					if (size < REPLY_TEXT_LIMIT) chunks.push(chunk);
					size += chunk.length;
				});
				incoming.on('end', () =>
					resolve({
						status: incoming.statusCode ?? 0,
						contentType: incoming.headers['content-type'] ?? null,
						text: Buffer.concat(chunks).toString('utf8').slice(0, REPLY_TEXT_LIMIT),
						elapsedMs: performance.now() - started,
					}),
				);
				incoming.on('error', (error) => resolve(networkFailure(error, started)));
			},
		);
		outgoing.on('timeout', () =>
			outgoing.destroy(new Error(`no reply within ${REQUEST_TIMEOUT_MS} ms`)),
		);
		outgoing.on('error', (error) => resolve(networkFailure(error, started)));
		outgoing.end(body);
	});
}

function networkFailure(error: Error, started: number): HostileReply {
	return {
		status: 0,
		contentType: null,
		text: '',
		networkError: error.message,
		elapsedMs: performance.now() - started,
	};
}

/**
 * Sends the corpus with at most `concurrency` requests in flight. Requests of one
 * `concurrentGroup` go out together (repeated deliveries racing each other).
 */
export async function sendCorpus(
	baseUrl: string,
	corpus: readonly HostileRequest[],
	concurrency: number,
): Promise<Map<HostileRequest, HostileReply>> {
	const batches: HostileRequest[][] = [];
	const groups = new Map<string, HostileRequest[]>();
	for (const request of corpus) {
		if (request.concurrentGroup === undefined) {
			batches.push([request]);
			continue;
		}
		let group = groups.get(request.concurrentGroup);
		if (!group) {
			group = [];
			groups.set(request.concurrentGroup, group);
			batches.push(group);
		}
		group.push(request);
	}

	const replies = new Map<HostileRequest, HostileReply>();
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < batches.length) {
			const batch = batches[next++] ?? [];
			const answers = await Promise.all(batch.map((request) => sendHostile(baseUrl, request)));
			batch.forEach((request, index) => {
				const answer = answers[index];
				if (answer) replies.set(request, answer);
			});
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return replies;
}
