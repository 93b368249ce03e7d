import { genseeAdapter } from '../../nodes/Gensee/adapter';
import { MAX_QA_XML_BYTES } from '../../nodes/Gensee/qaXml';
import { GENSEE_QA_XML, genseeActionSample } from '../../support/samples/gensee.mjs';
import { decodeOnlyCase } from './adapterCases.mjs';
import { distinctBodies } from './bodies.mjs';
import { post, queryGet } from './requests.mjs';
import { tokenTarget } from './tokenTarget.mjs';
import type { BenchPlatform, DecodeBenchCase } from './types.mjs';

const TOKEN = 'bench-gensee-token-7f1a';
const QA_CONTENT_TYPE = 'text/plain; charset=utf-8';
/** The node reads at most 10 000 tags (opening and closing): a question with one answer has four. */
const MAX_QUESTIONS = 2_490;
const ASKER_UID = '9934592202';

/** A client Q&A document of `questions` questions, each answered once, filling `bytes` at most. */
function qaDocument(
	questions: number,
	bytes: number,
	webcastId = 'f35e1dcfcfa944d5ae5eab69341e8507',
): string {
	const open = `<?xml version="1.0" encoding="utf-8" ?>\n<webcast id="${webcastId}">`;
	const close = '</webcast>';
	const perQuestion = Math.floor((bytes - open.length - close.length) / questions);
	const question = (index: number) => {
		const shell = `<question id="q${index}" time="1400470679" uid="${ASKER_UID}" uname="张伟"><answer id="a${index}" time="1400470712" uid="1001" uname="李老师">好</answer></question>`;
		const room = Math.max(1, Math.floor((perQuestion - Buffer.byteLength(shell)) / 3));
		return shell.replace('">好</answer>', `">好</answer>${'问'.repeat(room)}`);
	};
	return `${open}${Array.from({ length: questions }, (_, index) => question(index)).join('')}${close}`;
}

// Gensee's figures have always been the decoding step alone: its cases read the request once
// beforehand, through the adapter, and time only the adapter's decode.
const qaCase = (label: string, text: string): DecodeBenchCase =>
	decodeOnlyCase(genseeAdapter, label, post(text, QA_CONTENT_TYPE));

const statusCase = (): DecodeBenchCase =>
	decodeOnlyCase(
		genseeAdapter,
		'status callback 101 (GET parameters)',
		queryGet(genseeActionSample('101')),
	);

export const genseeBench: BenchPlatform = {
	name: 'gensee',
	webhook: tokenTarget(
		{
			platform: 'gensee',
			label: 'Gensee Trigger',
			path: 'gs-hostile/gensee',
			workflowId: 'gsHostileAll0001',
			token: TOKEN,
		},
		{
			bodies(bytes) {
				// Client Q&A XML as Gensee posts it; the node reads at most 1 MiB, so that is the top size.
				const text = qaDocument(
					Math.max(1, Math.min(MAX_QUESTIONS, Math.floor(bytes / 400))),
					Math.min(bytes, MAX_QA_XML_BYTES - 1024),
				);
				// Each document a new event: the first question's asker (its operator) differs every time.
				const placeholder = 'o'.repeat(16);
				return distinctBodies(
					text.replace(`uid="${ASKER_UID}"`, `uid="${placeholder}"`),
					placeholder,
					QA_CONTENT_TYPE,
				);
			},
		},
	),
	decodeCases() {
		return [
			statusCase(),
			qaCase('client Q&A (documented sample, 2 questions)', GENSEE_QA_XML),
			qaCase('client Q&A, 200 questions', qaDocument(200, 64 * 1024)),
			qaCase(
				`client Q&A, ${MAX_QUESTIONS} questions near 1 MiB (the most the node reads, not a realistic webinar)`,
				qaDocument(MAX_QUESTIONS, MAX_QA_XML_BYTES - 1024),
			),
		];
	},
};
