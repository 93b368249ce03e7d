import { describe, expect, it } from 'vitest';

import { decodeQaDocument, decodeRequest, genseeTimeToIso } from '../../nodes/Gensee/decode';
import { detectInterface } from '../../nodes/Gensee/detect';
import { genseeAction } from '../../nodes/Gensee/events';
import { collectParams, param } from '../../nodes/Gensee/params';
import { parseQaXml } from '../../nodes/Gensee/qaXml';
import { coBrowseListJson, fillRedirectUrl, messagePage } from '../../nodes/Gensee/replies';
import {
	GENSEE_CO_BROWSE,
	GENSEE_END_PAGE,
	GENSEE_QA_XML,
	GENSEE_ROLL_CALL,
	GENSEE_WEB_QUESTION,
	genseeActionSample,
} from '../../support/samples/gensee.mjs';

const RECEIVED_AT = Date.UTC(2024, 0, 1, 0, 0, 0);

function detect(params: Record<string, string>, method = 'GET', rawBody = '') {
	return detectInterface({ method, params, rawBody });
}

describe('recognising the Gensee interface of a request', () => {
	it('tells each documented interface by its parameters', () => {
		expect(detect(genseeActionSample('103'))).toBe('status');
		expect(detect(genseeActionSample('111'))).toBe('vod');
		expect(detect({}, 'POST', GENSEE_QA_XML)).toBe('qaClient');
		expect(detect({}, 'POST', `\ufeff  ${GENSEE_QA_XML}`)).toBe('qaClient');
		expect(detect(GENSEE_WEB_QUESTION, 'POST')).toBe('qaWeb');
		expect(detect(GENSEE_ROLL_CALL)).toBe('rollCall');
		expect(detect(GENSEE_END_PAGE)).toBe('endPage');
		expect(detect(GENSEE_CO_BROWSE)).toBe('coBrowse');
		expect(detect({ roomid: 'r', uid: '1' })).toBe('coBrowse');
		expect(detect({ nothing: 'here' })).toBeUndefined();
	});

	it('reads parameter names case-insensitively, exact names first', () => {
		expect(detect({ action: '112', classno: 'v' })).toBe('vod');
		expect(param({ Action: '101', action: '999' }, 'Action')).toBe('101');
		expect(param({ ACTION: '105' }, 'Action')).toBe('105');
	});

	it('lets an explicit kind win, and ignores an unknown kind', () => {
		expect(detect({ ...genseeActionSample('101'), kind: 'endPage' })).toBe('endPage');
		expect(detect({ ...GENSEE_ROLL_CALL, kind: 'bogus' })).toBe('rollCall');
	});

	it('collects query and form parameters, the first value of repeated ones, never __proto__', () => {
		const params = collectParams({ a: ['1', '2'], b: 3 }, JSON.parse('{"__proto__":"x","c":"4"}'));
		expect(params).toEqual({ a: '1', b: '3', c: '4' });
		expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
	});
});

describe('decoding status and courseware callbacks', () => {
	it('gives readable names and attendance categories for every documented code', () => {
		const expected: Record<number, string> = {
			101: 'join', 102: 'session', 103: 'session', 104: 'session', 105: 'session',
			106: 'recording', 107: 'leave', 110: 'leave', 111: 'playback', 112: 'playback',
		};
		for (const [code, category] of Object.entries(expected)) {
			expect(genseeAction(Number(code))).toMatchObject({ category });
		}
	});

	it('keeps ids as strings and counts as numbers, and passes unknown codes through', () => {
		const { json } = decodeRequest('status', { ...genseeActionSample('101'), Operator: '98765432109876543' }, RECEIVED_AT);
		expect(json).toMatchObject({ event: '101', eventName: 'User joined', Operator: '98765432109876543', Action: 101, totalusernum: 27 });
		const unknown = decodeRequest('status', { ClassNo: 'c', Action: '120' }, RECEIVED_AT).json;
		expect(unknown).toMatchObject({ event: '120', eventName: 'Gensee action 120', category: 'unknown' });
	});

	it('never outputs the token or kind put on the URL', () => {
		const { json } = decodeRequest('rollCall', { ...GENSEE_ROLL_CALL, token: 'secret-token-123456', kind: 'rollCall' }, RECEIVED_AT);
		expect(json).not.toHaveProperty('token');
		expect(json).not.toHaveProperty('kind');
	});
});

describe('parsing client Q&A XML', () => {
	it('reads questions, attributes, CDATA and several or empty answers', () => {
		const result = parseQaXml(GENSEE_QA_XML);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.document.webcastId).toBe('f35e1dcfcfa944d5ae5eab69341e8507');
		expect(result.document.questions).toHaveLength(2);
		expect(result.document.questions[0]?.answers).toEqual([
			{ id: 'a1', time: '1400470712', uid: '1001', uname: '李老师', text: '下周一之前 <提交到平台>' },
			{ id: 'a2', time: '1400470730000', uid: '1002', uname: '助教', text: '' },
		]);
	});

	it('reads a document preceded by a BOM or blank lines (found by the hostile-input run)', () => {
		for (const body of [`\uFEFF${GENSEE_QA_XML}`, `\n\n  ${GENSEE_QA_XML}`, `\uFEFF\r\n${GENSEE_QA_XML}`]) {
			expect(parseQaXml(body)).toMatchObject({ ok: true, document: { webcastId: 'f35e1dcfcfa944d5ae5eab69341e8507' } });
		}
	});

	it('attaches answers standing beside the questions', () => {
		const single = parseQaXml('<webcast id="w"><question id="q">Why?</question><answer id="a">Because</answer></webcast>');
		expect(single.ok && single.document.questions[0]?.answers).toEqual([{ id: 'a', text: 'Because' }]);
		const several = parseQaXml(
			'<webcast id="w"><question id="q1">A?</question><question id="q2">B?</question><answer qid="q2">b</answer><answer>?</answer></webcast>',
		);
		expect(several.ok && several.document.questions[1]?.answers).toEqual([{ qid: 'q2', text: 'b' }]);
		expect(several.ok && several.document.unassignedAnswers).toEqual([{ text: '?' }]);
	});

	it('makes one item per question, with times in seconds or milliseconds as ISO', () => {
		const result = parseQaXml(GENSEE_QA_XML);
		if (!result.ok) throw new Error(result.problem);
		const items = decodeQaDocument(result.document, {}, '2024-01-01T08:00:00.000+08:00');
		expect(items).toHaveLength(2);
		expect(items[0]?.json).toMatchObject({ eventId: '715da0dc-34a2-375e-bb6e-128eabe754bc', timeIso: '2014-05-19T11:37:59.000+08:00' });
		expect(genseeTimeToIso('1400470730000')).toBe('2014-05-19T11:38:50.000+08:00');
		expect(genseeTimeToIso('soon')).toBeUndefined();
	});

	it('refuses malformed and hostile XML quickly, without expanding anything', () => {
		const bomb = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "${'a'.repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><webcast><question>&b;</question></webcast>`;
		const external = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><webcast><question>&e;</question></webcast>';
		const deep = `<webcast>${'<a>'.repeat(200)}${'</a>'.repeat(200)}</webcast>`;
		const huge = `<webcast id="${'x'.repeat(2 * 1024 * 1024)}"/>`;
		const many = `<webcast>${'<question/>'.repeat(20_000)}</webcast>`;
		const started = Date.now();
		for (const body of [bomb, external, deep, huge, many, '<webcast><question>unclosed</webcast>', '<other/>']) {
			expect(parseQaXml(body)).toMatchObject({ ok: false });
		}
		expect(Date.now() - started).toBeLessThan(5_000);
	});
});

describe('replies', () => {
	it('fills redirect placeholders URL-encoded and escapes page messages', () => {
		expect(fillRedirectUrl('https://x.example/?u={userid}&n={USERNAME}&z={missing}', { userid: '1 2', username: '张伟' })).toBe(
			`https://x.example/?u=1%202&n=${encodeURIComponent('张伟')}&z=`,
		);
		expect(messagePage('<script>alert(1)</script>\nline 2')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;</p><p>line 2');
	});

	it('builds the co-browse list from complete entries only', () => {
		expect(JSON.parse(coBrowseListJson({ entry: [{ name: 'A', url: 'https://a' }, { name: 'B' }] }))).toEqual([
			{ name: 'A', url: 'https://a' },
		]);
		expect(coBrowseListJson({})).toBe('[]');
	});
});
