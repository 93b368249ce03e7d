import { XMLParser } from '../shared/vendor/xmlParser';
import { isRecord, type JsonRecord } from '../shared/guards';

/** Client Q&A bodies are a few kilobytes; anything far larger is not one. */
export const MAX_QA_XML_BYTES = 1024 * 1024;
const MAX_ELEMENTS = 10_000;

export interface QaAnswer extends JsonRecord {
	/** The answer text (CDATA included), empty when the element is empty. */
	text: string;
}

export interface QaQuestion {
	/** Every attribute of the question element as sent (`id`, `time`, `uid`, `uname`, …). */
	attributes: Record<string, string>;
	text: string;
	answers: QaAnswer[];
}

export interface QaDocument {
	webcastId?: string;
	webcastAttributes: Record<string, string>;
	questions: QaQuestion[];
	/** Answers beside several questions that name none of them. */
	unassignedAnswers: QaAnswer[];
}

export type QaParseResult = { ok: true; document: QaDocument } | { ok: false; problem: string };

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '',
	attributesGroupName: '@',
	textNodeName: '#text',
	// CDATA sections join the element's text.
	cdataPropName: false,
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	// Only XML's own entities (&lt; &amp; …) are decoded; documents that declare entities are
	// refused before parsing, so nothing can expand.
	processEntities: true,
	htmlEntities: false,
	maxNestedTags: 20,
	isArray: (name) => name === 'question' || name === 'answer',
});

function attributesOf(element: unknown): Record<string, string> {
	if (!isRecord(element) || !isRecord(element['@'])) return {};
	const attributes: Record<string, string> = {};
	for (const [name, value] of Object.entries(element['@'])) {
		if (name !== '__proto__' && typeof value === 'string') attributes[name] = value;
	}
	return attributes;
}

function textOf(element: unknown): string {
	if (typeof element === 'string') return element;
	if (isRecord(element) && typeof element['#text'] === 'string') return element['#text'];
	return '';
}

function listOf(value: unknown): unknown[] {
	if (value === undefined || value === null) return [];
	return Array.isArray(value) ? value : [value];
}

function answerOf(element: unknown): QaAnswer {
	return { ...attributesOf(element), text: textOf(element) };
}

const QUESTION_REFERENCE = ['qid', 'questionid', 'questionId', 'question_id'];

/**
 * Parses a client Q&A body: `<webcast id><question id time uid uname>text<answer …>text</answer>
 * </question></webcast>`. Answers may also stand beside the questions; they join the question
 * they name (`qid`/`questionId`), or the only question there is.
 */
export function parseQaXml(rawBody: string): QaParseResult {
	if (Buffer.byteLength(rawBody, 'utf8') > MAX_QA_XML_BYTES) {
		return { ok: false, problem: `The XML body is larger than ${MAX_QA_XML_BYTES} bytes` };
	}
	if (/<!DOCTYPE|<!ENTITY/i.test(rawBody)) {
		return { ok: false, problem: 'XML with a DOCTYPE or entity declarations is refused' };
	}
	if ((rawBody.match(/</g) ?? []).length > MAX_ELEMENTS) {
		return { ok: false, problem: `The XML body has more than ${MAX_ELEMENTS} elements` };
	}

	let parsed: unknown;
	try {
		// Senders put a BOM or blank lines before the declaration, which XML itself forbids there.
		parsed = parser.parse(rawBody.replace(/^\uFEFF/, '').trimStart(), true);
	} catch (error) {
		return {
			ok: false,
			problem: `The XML body is malformed: ${error instanceof Error ? error.message : 'parse error'}`,
		};
	}
	const webcast = isRecord(parsed) ? parsed.webcast : undefined;
	if (webcast === undefined) {
		return { ok: false, problem: 'The XML body has no <webcast> element' };
	}

	const questionElements = isRecord(webcast) ? listOf(webcast.question) : [];
	const looseAnswers = isRecord(webcast) ? listOf(webcast.answer).map(answerOf) : [];
	const questions: QaQuestion[] = questionElements.map((element) => ({
		attributes: attributesOf(element),
		text: textOf(element),
		answers: isRecord(element) ? listOf(element.answer).map(answerOf) : [],
	}));

	const unassignedAnswers: QaAnswer[] = [];
	for (const answer of looseAnswers) {
		const reference = QUESTION_REFERENCE.map((name) => answer[name]).find(
			(value) => typeof value === 'string',
		);
		const target =
			questions.find(
				(question) => reference !== undefined && question.attributes.id === reference,
			) ?? (questions.length === 1 ? questions[0] : undefined);
		if (target) target.answers.push(answer);
		else unassignedAnswers.push(answer);
	}

	const webcastAttributes = attributesOf(webcast);
	return {
		ok: true,
		document: { webcastId: webcastAttributes.id, webcastAttributes, questions, unassignedAnswers },
	};
}
