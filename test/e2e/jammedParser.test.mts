/**
 * n8n parses `text/xml` bodies with one xml2js parser shared by the whole instance, and two posts
 * jam it: a document with an external entity, then a large malformed one. After that, no
 * `text/xml` request that n8n parses gets an answer until a restart. The Gensee Trigger reads its
 * bodies itself (nodes/shared/webhook/rawBody.ts), so its Q&A posts must keep arriving; n8n's own
 * Webhook node, which goes through the shared parser, is shown beside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { pollUntil } from '../../support/process.mjs';
import { GENSEE_QA_XML } from '../../support/samples/gensee.mjs';
import { startN8n, type RunningN8n } from '../../support/startN8n.mjs';

const GENSEE = { workflowId: 'gsJamFlow0000001', hook: 'gs-jam', path: 'gensee' };
const BUILTIN = { hook: 'builtin-xml', path: 'builtin-xml' };
const XML = 'text/xml; charset=utf-8';
/** An answer later than this counts as none: n8n's jammed parser never answers at all. */
const ANSWER_WITHIN_MS = 10_000;

const EXTERNAL_ENTITY =
	'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
const LARGE_MALFORMED = `<a>${'<b>'.repeat(5_000)}`;

let n8n: RunningN8n;

beforeAll(async () => {
	n8n = await startN8n({
		credentials: [],
		workflows: ['jammedParser.workflows.json'],
		substitutions: {},
		webhooks: [`${GENSEE.hook}/${GENSEE.path}`, BUILTIN.path],
	});
});

afterAll(async () => {
	await n8n?.stop();
});

interface Answer {
	status: number;
	elapsedMs: number;
}

/** Posts a body; `undefined` when no answer came within ANSWER_WITHIN_MS. */
async function post(url: string, body: string): Promise<Answer | undefined> {
	const started = Date.now();
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': XML },
			body,
			signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
		});
		await response.text();
		return { status: response.status, elapsedMs: Date.now() - started };
	} catch {
		return undefined;
	}
}

function genseeUrl(): string {
	return n8n.webhookUrl(GENSEE.hook, GENSEE.path);
}

function builtinUrl(): string {
	return `${n8n.baseUrl}/webhook/${BUILTIN.path}`;
}

function describeAnswer(answer: Answer | undefined): string {
	return answer === undefined
		? `no answer within ${ANSWER_WITHIN_MS / 1000} s`
		: `HTTP ${answer.status} in ${answer.elapsedMs} ms`;
}

function qaPost(marker: string): string {
	return GENSEE_QA_XML.replace('老师，第三章的作业什么时候交？', marker);
}

/** The stored run data of the Gensee workflow once `count` executions have run and `done` holds. */
async function waitForExecutions(
	count: number,
	done: (data: string[]) => boolean,
): Promise<string[]> {
	let stored = 0;
	return await pollUntil(
		async () => {
			const data = await n8n.executionData(GENSEE.workflowId);
			stored = data.length;
			return data.length >= count && done(data) && data;
		},
		{
			timeout: 60_000,
			interval: 500,
			describe: () => `${count} executions of the Gensee workflow (${stored} stored)`,
			logSource: n8n,
		},
	);
}

describe("the Gensee Trigger while n8n's XML body parser is jammed", () => {
	it("answers the jamming pair itself, flagged, instead of handing it to n8n's parser", async () => {
		const entity = await post(genseeUrl(), EXTERNAL_ENTITY);
		const malformed = await post(genseeUrl(), LARGE_MALFORMED);
		expect(entity?.status).toBe(200);
		expect(malformed?.status).toBe(200);
		// Both are authenticated (no token is set) and unreadable: each reaches the workflow, flagged.
		await waitForExecutions(
			2,
			(data) => data.filter((text) => text.includes('unrecognized')).length >= 2,
		);
		const builtinAfter = await post(builtinUrl(), '<ok>still parsed</ok>');
		console.log(
			`[jammed parser] after the pair went to the Gensee Trigger, n8n's own Webhook node: ${describeAnswer(builtinAfter)}`,
		);
		// The pair never reached n8n's parser, so n8n's own Webhook node still answers.
		expect(builtinAfter?.status).toBe(200);
		const flagged = (await n8n.executionData(GENSEE.workflowId)).filter((text) =>
			text.includes('unrecognized'),
		);
		expect(flagged).toHaveLength(2);
	});

	it("keeps answering and delivering every Q&A post after the pair jammed n8n's own parser", async () => {
		const jamEntity = await post(builtinUrl(), EXTERNAL_ENTITY);
		const jamMalformed = await post(builtinUrl(), LARGE_MALFORMED);
		const builtinJammed = await post(builtinUrl(), '<ok>well-formed</ok>');
		console.log(
			`[jammed parser] fact about n8n: the pair sent to n8n's own Webhook node got ${describeAnswer(jamEntity)} and ${describeAnswer(jamMalformed)}; ` +
				`a well-formed text/xml post to it afterwards got ${describeAnswer(builtinJammed)}`,
		);

		const markers = Array.from({ length: 20 }, (_, index) => `jam-qa-${index}-${Date.now()}`);
		const answers = await Promise.all(
			markers.map(async (marker) => await post(genseeUrl(), qaPost(marker))),
		);
		const slowest = Math.max(...answers.map((answer) => answer?.elapsedMs ?? Infinity));
		console.log(
			`[jammed parser] ${answers.filter((answer) => answer?.status === 200).length}/${markers.length} Gensee Q&A posts answered 200, slowest ${slowest} ms`,
		);
		expect(answers.map((answer) => answer?.status)).toEqual(markers.map(() => 200));

		const carrying = (data: string[]) =>
			markers.filter((marker) => data.some((text) => text.includes(marker)));
		const data = await waitForExecutions(
			markers.length,
			(stored) => carrying(stored).length === markers.length,
		);
		expect(carrying(data)).toEqual(markers);
	});
});
