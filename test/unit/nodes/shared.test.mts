import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { isChosen } from '../../../nodes/shared/choice';
import { claimDelivery } from '../../../nodes/shared/dedupe';
import { buildEventItem, buildUnrecognizedItem } from '../../../nodes/shared/envelope';
import { parseJsonRecord, stringList } from '../../../nodes/shared/guards';
import { outputsExpression, outputTable, routeItems } from '../../../nodes/shared/routing';
import {
	contentTypeCharset,
	decodeText,
	xmlDeclarationCharset,
} from '../../../nodes/shared/webhook/charset';
import { parseUrlEncoded } from '../../../nodes/shared/webhook/urlEncoded';
import { redactSecrets, secretsMatch } from '../../../nodes/shared/secrets';
import {
	epochMillisToIso,
	epochSecondsToIso,
	isEpochMillis,
	localTimeToIso,
} from '../../../nodes/shared/time';

describe('an empty choice means all', () => {
	it('passes every value when nothing is chosen', () => {
		expect(isChosen([], 'anything')).toBe(true);
		expect(isChosen([], '')).toBe(true);
		expect(isChosen<number>([], 0)).toBe(true);
	});

	it('passes only the chosen values once something is chosen', () => {
		expect(isChosen(['answerSheet', 'course'], 'course')).toBe(true);
		expect(isChosen(['answerSheet', 'course'], 'checkIn')).toBe(false);
		expect(isChosen(['teacher'], '')).toBe(false);
		expect(isChosen([3, 20], 20)).toBe(true);
		expect(isChosen([3, 20], 4)).toBe(false);
	});

	it('compares exactly: no trimming, no case folding, no number-to-text', () => {
		expect(isChosen(['Course'], 'course')).toBe(false);
		expect(isChosen([' 101'], '101')).toBe(false);
		expect(isChosen<string | number>(['3'], 3)).toBe(false);
	});
});

describe('time conversion', () => {
	it('reads a wall-clock time without offset in the given zone', () => {
		expect(localTimeToIso('2022-01-08 17:39:42.388', 'Asia/Shanghai')).toBe(
			'2022-01-08T17:39:42.388+08:00',
		);
		expect(localTimeToIso('2022-01-08 17:39:42', 'Asia/Shanghai')).toBe(
			'2022-01-08T17:39:42.000+08:00',
		);
		expect(localTimeToIso(' 2022-01-08 17:39 ', 'Asia/Shanghai')).toBe(
			'2022-01-08T17:39:00.000+08:00',
		);
		expect(localTimeToIso('2022-01-08T17:39:42.388', 'Asia/Shanghai')).toBe(
			'2022-01-08T17:39:42.388+08:00',
		);
		expect(localTimeToIso('2022-01-08 17:39:42.3', 'Asia/Shanghai')).toBe(
			'2022-01-08T17:39:42.300+08:00',
		);
	});

	it('rejects a wall-clock time that does not exist', () => {
		for (const text of [
			'2022-02-30 10:00:00',
			'2022-13-01 10:00',
			'9999-99-99 99:99:99',
			'2022-01-08 25:61:61.999',
		]) {
			expect(localTimeToIso(text, 'Asia/Shanghai')).toBeUndefined();
		}
	});

	it('keeps the offset of an ISO string and rejects what is not a time', () => {
		expect(localTimeToIso('2024-03-01T10:00:00+03:00', 'Asia/Shanghai')).toBe(
			'2024-03-01T10:00:00.000+03:00',
		);
		expect(localTimeToIso('yesterday', 'Asia/Shanghai')).toBeUndefined();
		expect(localTimeToIso('', 'Asia/Shanghai')).toBeUndefined();
	});

	it('renders epoch milliseconds and seconds in a zone', () => {
		// The vendor's own example: endTime 1641634779413 is 09:39:39Z, 17:39:39 in Beijing.
		expect(epochMillisToIso(1641634779413, 'Asia/Shanghai')).toBe('2022-01-08T17:39:39.413+08:00');
		expect(epochSecondsToIso(1641634779, 'UTC')).toBe('2022-01-08T09:39:39.000Z');
	});

	it('tells epoch milliseconds from durations, scores, seconds and strings', () => {
		expect(isEpochMillis(1641634779413)).toBe(true);
		expect(isEpochMillis(1641634779)).toBe(false);
		expect(isEpochMillis(6)).toBe(false);
		expect(isEpochMillis('1641634779413')).toBe(false);
		expect(isEpochMillis(Number.NaN)).toBe(false);
	});
});

describe('secret comparison', () => {
	const secret = '2918148edb9a4939857a8b3a387127f6';

	it('accepts only the exact secret', () => {
		expect(secretsMatch(secret, secret)).toBe(true);
		expect(secretsMatch(`${secret.slice(0, -1)}7`, secret)).toBe(false);
		expect(secretsMatch(secret.toUpperCase(), secret)).toBe(false);
		expect(secretsMatch(`${secret} `, secret)).toBe(false);
		expect(secretsMatch(secret.slice(1), secret)).toBe(false);
	});

	it('refuses missing, empty and non-string values, and an empty configured secret', () => {
		expect(secretsMatch(undefined, secret)).toBe(false);
		expect(secretsMatch('', secret)).toBe(false);
		expect(secretsMatch(12345, secret)).toBe(false);
		expect(secretsMatch(['x'], secret)).toBe(false);
		expect(secretsMatch('', '')).toBe(false);
	});

	it('redacts every occurrence of a secret', () => {
		expect(redactSecrets(`a ${secret} b ${secret}`, [secret])).toBe('a [redacted] b [redacted]');
		expect(redactSecrets('nothing here', [secret, ''])).toBe('nothing here');
	});

	it('redacts a secret written with JSON escapes or percent-encoding, which decode to it', () => {
		const jsonEscaped = [...secret]
			.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
			.join('');
		const percentEncoded = [...secret]
			.map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
			.join('');
		const mixed = `${secret.slice(0, 2)}\\u00${secret.charCodeAt(2).toString(16)}%${secret.charCodeAt(3).toString(16)}${secret.slice(4)}`;
		const text = `{"a":"${jsonEscaped}"} b=${percentEncoded}&c=${mixed}`;
		expect(JSON.parse(text.split(' ')[0] ?? '')).toEqual({ a: secret });
		expect(redactSecrets(text, [secret])).toBe('{"a":"[redacted]"} b=[redacted]&c=[redacted]');
		expect(redactSecrets('a\\/b a%2Fb a/b a+b%2f', ['a/b'])).toBe(
			'[redacted] [redacted] [redacted] a+b%2f',
		);
		expect(redactSecrets('one off: x' + secret.slice(1), [secret])).toBe(
			'one off: x' + secret.slice(1),
		);
	});
});

describe('delivery dedupe', () => {
	const options = { windowMs: 60_000, maxEntries: 3 };

	/** Claims a delivery and, when it is new, settles it as its reply went out (2xx or not). */
	async function deliver(
		scope: string,
		staticData: IDataObject,
		key: string,
		now: number,
		acknowledged = true,
	): Promise<boolean> {
		const claim = await claimDelivery(scope, staticData, key, options, now);
		if (!claim.repeat) claim.settle(acknowledged);
		return claim.repeat;
	}

	it('reports a key acknowledged inside the window once, and a key seen after it as new', async () => {
		const staticData = {};
		expect(await deliver('scope-window', staticData, 'a', 1_000)).toBe(false);
		expect(await deliver('scope-window', staticData, 'a', 2_000)).toBe(true);
		expect(await deliver('scope-window', staticData, 'a', 62_000)).toBe(false);
	});

	it('takes a retry on as new when the first reply did not go out with a 2xx', async () => {
		expect(await deliver('scope-lost', {}, 'k', 1_000, false)).toBe(false);
		expect(await deliver('scope-lost', {}, 'k', 2_000)).toBe(false);
		expect(await deliver('scope-lost', {}, 'k', 3_000)).toBe(true);
	});

	it('holds a copy that arrives while the first is being answered until that answer is known', async () => {
		const first = await claimDelivery('scope-wait', {}, 'k', options, 1_000);
		if (first.repeat) throw new Error('the first delivery is new');
		let copyAnswered = false;
		const copy = claimDelivery('scope-wait', {}, 'k', options, 1_500).then((claim) => {
			copyAnswered = true;
			return claim;
		});
		await new Promise((resolve) => setImmediate(resolve));
		expect(copyAnswered).toBe(false);
		first.settle(true);
		expect((await copy).repeat).toBe(true);
	});

	it('takes a waiting copy on when the first was not acknowledged', async () => {
		const first = await claimDelivery('scope-wait-lost', {}, 'k', options, 1_000);
		if (first.repeat) throw new Error('the first delivery is new');
		const copy = claimDelivery('scope-wait-lost', {}, 'k', options, 1_500);
		first.settle(false);
		// A late second settle of the first changes nothing.
		first.settle(true);
		const claim = await copy;
		expect(claim.repeat).toBe(false);
		if (!claim.repeat) claim.settle(true);
		expect(await deliver('scope-wait-lost', {}, 'k', 2_000)).toBe(true);
	});

	it('remembers deliveries across processes through static data', async () => {
		const staticData = {};
		await deliver('process-one', staticData, 'k', 1_000);
		// A fresh process (another scope, no memory) still finds the key in static data.
		expect(await deliver('process-two', staticData, 'k', 2_000)).toBe(true);
	});

	it('remembers deliveries in process memory when static data is written away', async () => {
		const first = {};
		await deliver('scope-race', first, 'k', 1_000);
		// An execution that ends later saves the static data it started with: the key is gone there.
		expect(await deliver('scope-race', {}, 'k', 2_000)).toBe(true);
	});

	it('keeps static data bounded to the newest entries', async () => {
		const staticData: IDataObject = {};
		for (let index = 0; index < 10; index++) {
			await deliver('scope-bound', staticData, `key-${index}`, 1_000 + index);
		}
		expect(JSON.parse(JSON.stringify(staticData.recentDeliveries))).toEqual([
			['key-7', 1_007],
			['key-8', 1_008],
			['key-9', 1_009],
		]);
		// The oldest keys left memory too, so they count as new again.
		expect(await deliver('scope-bound', {}, 'key-0', 2_000)).toBe(false);
		expect(await deliver('scope-bound', {}, 'key-9', 2_000)).toBe(true);
	});

	it('ignores static data of an unexpected shape instead of failing', async () => {
		const staticData: IDataObject = { recentDeliveries: { not: 'a list' } };
		expect(await deliver('scope-shape', staticData, 'k', 1_000)).toBe(false);
		expect(staticData.recentDeliveries).toEqual([['k', 1_000]]);
	});
});

describe('output routing', () => {
	const item = { json: { event: 'b' } };
	const table = outputTable([
		{ key: 'a', name: 'A' },
		{ key: 'b', name: 'B' },
	]);

	it('names one output per key, then Other for every other key', () => {
		expect(table.names).toEqual(['A', 'B', 'Other']);
		expect([table.indexOf('a'), table.indexOf('b'), table.indexOf('zzz'), table.other]).toEqual([
			0, 1, 2, 2,
		]);
	});

	it('puts every item on the single output', () => {
		expect(routeItems([item], 'single', table, () => 1)).toEqual([[item]]);
	});

	it('puts items on their own output, with the others empty', () => {
		expect(
			routeItems([item], 'byEvent', table, (routed) => table.indexOf(String(routed.json.event))),
		).toEqual([[], [item], []]);
	});

	it('names one output per event type only when routing by event', () => {
		const expression = outputsExpression(
			outputTable([{ key: 'answerSheet', name: 'Exam Submitted' }]),
		);
		expect(expression.startsWith('={{')).toBe(true);
		expect(expression).toContain('"displayName":"Exam Submitted"');
		expect(expression).toContain('["main"]');
	});
});

describe('output envelope', () => {
	it('starts with the envelope and never lets a platform field overwrite it', () => {
		const { json } = buildEventItem(
			{ platform: 'p', event: 'e', eventName: 'E', receivedAt: 'now', eventId: undefined },
			{ platform: 'spoofed', score: 3 },
		);
		expect(json).toEqual({
			platform: 'p',
			event: 'e',
			eventName: 'E',
			receivedAt: 'now',
			score: 3,
		});
		expect(Object.keys(json)[0]).toBe('platform');
	});

	it('flags an unrecognized request', () => {
		const { json } = buildUnrecognizedItem({
			platform: 'p',
			receivedAt: 'now',
			problem: 'why',
			rawBody: 'raw',
		});
		expect(json).toMatchObject({
			event: 'unrecognized',
			unrecognized: true,
			problem: 'why',
			rawBody: 'raw',
		});
	});
});

describe('guards', () => {
	it('parses only JSON objects, tolerating a byte-order mark', () => {
		expect(parseJsonRecord('\ufeff{"a":1}')).toEqual({ a: 1 });
		expect(parseJsonRecord('[1]')).toBeUndefined();
		expect(parseJsonRecord('"text"')).toBeUndefined();
		expect(parseJsonRecord('{"a":')).toBeUndefined();
	});

	it('keeps only strings of a list parameter', () => {
		expect(stringList(['a', 1, null, 'b'])).toEqual(['a', 'b']);
		expect(stringList('a')).toEqual([]);
	});
});

describe('reading bytes as text', () => {
	it('takes the charset from the content type or the XML declaration, when TextDecoder knows it', () => {
		expect(contentTypeCharset('text/xml; charset="GBK"')).toBe('gbk');
		expect(contentTypeCharset('application/json;charset=utf8')).toBe('utf-8');
		expect(contentTypeCharset('text/plain; charset=bogus')).toBeUndefined();
		expect(contentTypeCharset(undefined)).toBeUndefined();
		expect(
			xmlDeclarationCharset(Buffer.from('\uFEFF<?xml version="1.0" encoding=\'gb2312\'?><a/>')),
		).toBe('gbk');
		expect(xmlDeclarationCharset(Buffer.from('<a encoding="gbk"/>'))).toBeUndefined();
	});

	it('reads valid UTF-8 as UTF-8 and anything else in the fallback charset', () => {
		expect(decodeText(Buffer.from('张伟', 'utf8'), undefined, 'gb18030')).toBe('张伟');
		expect(decodeText(Buffer.from([0xd5, 0xc5, 0xce, 0xb0]), undefined, 'gb18030')).toBe('张伟');
		expect(decodeText(Buffer.from([0xd5, 0xc5, 0xce, 0xb0]), 'utf-8', 'gb18030')).toBe('张伟');
		expect(decodeText(Buffer.from([0xcf, 0xf0, 0xe8]), 'windows-1251', 'gb18030')).toBe('При');
	});

	it('parses form bodies and query strings byte by byte, first value wins, never __proto__', () => {
		const fields = parseUrlEncoded(
			'a=1+2&b=%E5%BC%A0&a=3&__proto__=x&c&d=%ZZ&%D5%C5=gbk',
			undefined,
			'gb18030',
		);
		expect(fields).toEqual({ a: '1 2', b: '张', c: '', d: '%ZZ', 张: 'gbk' });
		expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
	});
});
