import { NodeApiError } from 'n8n-workflow';
import { beforeEach, describe, expect, it } from 'vitest';

import {
	AGORA_CODES,
	agoraErrorHint,
	isAgoraApiError,
} from '../../../nodes/AgoraClassroom/transport/errors';
import {
	agoraApiRequestAllItems,
	collectPages,
	readPage,
} from '../../../nodes/AgoraClassroom/transport/pagination';
import {
	agoraApiCall,
	agoraApiRequest,
	encodePath,
} from '../../../nodes/AgoraClassroom/transport/request';
import { fakeAgoraContext } from '../../../support/fakes/agoraContext.mjs';
import type { FakeAgoraServer } from '../../../support/fakes/agoraServer.mjs';
import { fakeAgoraServerPerFile } from '../support/fakeAgoraServerPerFile.mjs';
import { failureOf } from '../support/failureOf.mjs';
import { APP_ID, CERTIFICATE } from '../../../support/fakes/agoraApp.mjs';

const ODD_ROOM = 'class #1 ?a=b&c=100% / x';

let server: FakeAgoraServer;
const credentials = () => ({
	appId: APP_ID,
	appCertificate: CERTIFICATE,
	region: 'eu',
	domain: server.url,
});

fakeAgoraServerPerFile((started) => (server = started));
beforeEach(() => {
	server.clearFaults();
	server.destroyRoom('eu', 'room-1');
	server.destroyRoom('eu', ODD_ROOM);
	server.createRoom('eu', 'room-1', { roomName: 'Maths' });
});

describe('encodePath', () => {
	it('encodes each segment on its own', () => {
		expect(encodePath(['rooms', 'a b#c?d&e%f/g', 'users', 'x'])).toBe(
			'rooms/a%20b%23c%3Fd%26e%25f%2Fg/users/x',
		);
		expect(encodePath(['rooms', 'a.b', '...'])).toBe('rooms/a.b/...');
	});

	it('refuses ids that URL normalisation would turn into another path', async () => {
		for (const id of ['', '.', '..'])
			expect(() => encodePath(['rooms', id])).toThrow(/must not be empty, "." or ".."/);
		const { context } = fakeAgoraContext(credentials());
		const before = server.requestCount();
		await expect(
			agoraApiRequest.call(context, 'GET', ['rooms', '..', 'users', 'x']),
		).rejects.toThrow(/cannot be used as an ID/);
		expect(server.requestCount()).toBe(before);
	});
});

describe('agoraApiRequest against the fake Agora server', () => {
	it('reaches {domain}/{region}/edu/apps/{appId}/v2/ with a token the server verifies, and returns data', async () => {
		const { context, calls } = fakeAgoraContext(credentials());
		const data = await agoraApiRequest.call(context, 'GET', ['rooms', 'room-1']);
		expect(data).toMatchObject({ roomUuid: 'room-1', roomName: 'Maths', state: 0 });
		expect(calls[0].url).toBe(`${server.url}/eu/edu/apps/${APP_ID}/v2/rooms/room-1`);
		expect(server.requests.at(-1)?.authorized).toBe(true);
	});

	it('keeps room and user ids with spaces and #?&% intact', async () => {
		const { context } = fakeAgoraContext(credentials());
		server.createRoom('eu', ODD_ROOM);
		server.addUser('eu', ODD_ROOM, { userUuid: 'user #2&3?' });
		const user = await agoraApiRequest.call(context, 'GET', [
			'rooms',
			ODD_ROOM,
			'users',
			'user #2&3?',
		]);
		expect(user).toMatchObject({ userUuid: 'user #2&3?' });
		expect(server.requests.at(-1)?.segments.slice(-4)).toEqual([
			'rooms',
			ODD_ROOM,
			'users',
			'user #2&3?',
		]);
	});

	it('sends bodies and query parameters', async () => {
		const { context } = fakeAgoraContext(credentials());
		await agoraApiRequest.call(context, 'PUT', ['rooms', 'room-1', 'properties'], {
			properties: { topic: 'fractions' },
		});
		expect(server.room('eu', 'room-1')?.roomProperties).toEqual({ topic: 'fractions' });
		server.addEvent('eu', 'room-1', 3, { message: 'hi' });
		server.addEvent('eu', 'room-1', 1, { state: 1, startTime: 1 });
		const data = await agoraApiRequest.call(
			context,
			'GET',
			['rooms', 'room-1', 'sequences'],
			undefined,
			{ cmd: 3 },
		);
		expect(readPage(data).list.map((event) => event.cmd)).toEqual([3]);
	});

	it('names status, Agora code and message, with a hint, for a room that does not exist', async () => {
		const { context } = fakeAgoraContext(credentials());
		const error = await failureOf(
			agoraApiRequest.call(context, 'GET', ['rooms', 'nope']),
			NodeApiError,
		);
		expect(error.message).toBe('Agora answered HTTP 404, code 20404100: Room not exists!');
		expect(error.description).toMatch(/region/);
		expect(error.httpCode).toBe('404');
		expect(isAgoraApiError(error) && error.agora).toEqual({
			status: 404,
			code: 20404100,
			msg: 'Room not exists!',
		});
	});

	it('reports a wrong region as the missing room it looks like to Agora', async () => {
		const { context } = fakeAgoraContext({ ...credentials(), region: 'na' });
		const error = await failureOf(
			agoraApiRequest.call(context, 'GET', ['rooms', 'room-1']),
			NodeApiError,
		);
		expect(error.message).toContain('20404100');
	});

	it('says the token was rejected when the certificate is wrong, without leaking it', async () => {
		const wrong = '00000000000000000000000000000000';
		const { context } = fakeAgoraContext({ ...credentials(), appCertificate: wrong });
		const error = await failureOf(
			agoraApiRequest.call(context, 'GET', ['rooms', 'room-1']),
			NodeApiError,
		);
		expect(error.httpCode).toBe('401');
		expect(error.message).toMatch(/^Agora answered HTTP 401/);
		expect(error.description).toMatch(/App ID and App Certificate/);
		expect(JSON.stringify(error)).not.toContain(wrong);
		expect(JSON.stringify(error)).not.toContain(CERTIFICATE);
	});

	it('maps conflict codes to their hints', async () => {
		const { context } = fakeAgoraContext(credentials());
		await agoraApiRequest.call(context, 'PUT', ['rooms', 'room-1', 'states', '1']);
		const again = await failureOf(
			agoraApiRequest.call(context, 'PUT', ['rooms', 'room-1', 'states', '1']),
			NodeApiError,
		);
		expect(again.message).toContain('30409100');
		expect(again.description).toMatch(/already started/);
		const notRecording = await failureOf(
			agoraApiRequest.call(context, 'PUT', ['rooms', 'room-1', 'records', 'states', '0']),
			NodeApiError,
		);
		expect(notRecording.message).toContain('30409410');
		expect(notRecording.description).toMatch(/not being recorded/);
		const noUser = await failureOf(
			agoraApiRequest.call(context, 'GET', ['rooms', 'room-1', 'users', 'ghost']),
			NodeApiError,
		);
		expect(noUser.description).toMatch(/No user with this ID/);
	});

	it('lets a caller accept an answer, e.g. 409 when the room already exists', async () => {
		const { context } = fakeAgoraContext(credentials());
		const reply = await agoraApiCall.call(
			context,
			'POST',
			['rooms', 'room-1'],
			{ roomName: 'Maths', roomType: 4 },
			undefined,
			{
				accept: (status) => status === 409,
			},
		);
		expect(reply.status).toBe(409);
		expect(reply.envelope.msg).toMatch(/already exists/);
	});

	it('turns 429, 5xx and malformed JSON into NodeApiErrors with hints', async () => {
		const { context } = fakeAgoraContext(credentials());
		server.inject({ status: 429 });
		expect(
			(await failureOf(agoraApiRequest.call(context, 'GET', ['rooms', 'room-1']), NodeApiError))
				.description,
		).toMatch(/rate limiting/);
		server.inject({ status: 503 });
		const unavailable = await failureOf(
			agoraApiRequest.call(context, 'GET', ['rooms', 'room-1']),
			NodeApiError,
		);
		expect(unavailable.httpCode).toBe('503');
		expect(unavailable.description).toMatch(/temporary/);
		server.inject({ malformed: true });
		const malformed = await failureOf(
			agoraApiRequest.call(context, 'GET', ['rooms', 'room-1']),
			NodeApiError,
		);
		expect(malformed.message).toBe("Agora answered HTTP 200: the answer is not Agora's JSON");
	});

	it('reports an unreachable domain as a NodeApiError without an HTTP status', async () => {
		const { context } = fakeAgoraContext({ ...credentials(), domain: 'http://127.0.0.1:9' });
		const error = await failureOf(
			agoraApiRequest.call(context, 'GET', ['rooms', 'room-1']),
			NodeApiError,
		);
		expect(error.message).toMatch(/^No answer from Agora/);
		expect(error.description).toMatch(/could not be reached/);
	});

	it('refuses a malformed credential before sending anything', async () => {
		const before = server.requestCount();
		const { context } = fakeAgoraContext({ ...credentials(), appId: 'short' });
		await expect(agoraApiRequest.call(context, 'GET', ['rooms', 'room-1'])).rejects.toThrow(
			/App ID must be/,
		);
		expect(server.requestCount()).toBe(before);
	});
});

describe('hints', () => {
	it('has one for every documented code', () => {
		for (const code of Object.values(AGORA_CODES)) {
			expect(agoraErrorHint({ status: 400, code })).not.toBe(agoraErrorHint({ status: 400 }));
		}
		expect(agoraErrorHint({ status: 410, code: 30410100 })).toMatch(/ended/);
		expect(agoraErrorHint({ status: 409, code: 30409411 })).toMatch(/already being recorded/);
		expect(agoraErrorHint({ status: 409, code: 30409101 })).toMatch(/already ended/);
		expect(agoraErrorHint({ status: 502 })).toMatch(/temporary/);
	});
});

describe('pagination', () => {
	it('follows nextId to the end, 100 per page, in order', async () => {
		const { context } = fakeAgoraContext(credentials());
		for (let index = 0; index < 250; index++) server.addEvent('eu', 'room-1', 3, { index });
		const before = server.requestCount('sequences');
		const all = await agoraApiRequestAllItems.call(
			context,
			'GET',
			['rooms', 'room-1', 'sequences'],
			{},
			{ returnAll: true },
		);
		expect(all.map((event) => event.sequence)).toEqual(
			Array.from({ length: 250 }, (_, index) => index + 1),
		);
		expect(server.requestCount('sequences') - before).toBe(3);
		const nextIds = server.requests.slice(-3).map((request) => request.query.get('nextId'));
		expect(nextIds).toEqual([null, '101', '201']);
	});

	it('stops at the limit without fetching more pages than needed', async () => {
		const { context } = fakeAgoraContext(credentials());
		for (let index = 0; index < 250; index++) server.addEvent('eu', 'room-1', 3, { index });
		const before = server.requestCount('sequences');
		const some = await agoraApiRequestAllItems.call(
			context,
			'GET',
			['rooms', 'room-1', 'sequences'],
			{},
			{ returnAll: false, limit: 120 },
		);
		expect(some).toHaveLength(120);
		expect(some.at(-1)?.sequence).toBe(120);
		expect(server.requestCount('sequences') - before).toBe(2);
	});

	it('passes filters on every page and fails as a whole when a later page fails', async () => {
		const { context } = fakeAgoraContext(credentials());
		for (let index = 0; index < 150; index++)
			server.addEvent('eu', 'room-1', index % 2 === 0 ? 3 : 20, { index });
		const chats = await agoraApiRequestAllItems.call(
			context,
			'GET',
			['rooms', 'room-1', 'sequences'],
			{ cmd: 3 },
			{ returnAll: true },
		);
		expect(chats).toHaveLength(75);
		expect(chats.every((event) => event.cmd === 3)).toBe(true);
		for (let index = 0; index < 100; index++) server.addEvent('eu', 'room-1', 3, { index });
		server.inject({ match: (request) => request.query.get('nextId') !== null, status: 500 });
		await expect(
			agoraApiRequestAllItems.call(
				context,
				'GET',
				['rooms', 'room-1', 'sequences'],
				{ cmd: 3 },
				{ returnAll: true },
			),
		).rejects.toThrow(/HTTP 500/);
	});

	it('does not loop on a repeated nextId and reads odd page shapes safely', async () => {
		let calls = 0;
		const entries = await collectPages(
			async () => {
				calls++;
				return { list: [{ sequence: calls }], nextId: '7' };
			},
			{ returnAll: true },
		);
		expect(entries).toHaveLength(2);
		expect(readPage({ list: [1, { a: 1 }, null], nextId: 5 })).toEqual({
			list: [{ a: 1 }],
			nextId: '5',
			total: undefined,
		});
		expect(readPage(undefined)).toEqual({ list: [], nextId: null, total: undefined });
		expect(readPage({ list: [], nextId: '' }).nextId).toBeNull();
		expect(
			await collectPages(async () => ({ list: [{ a: 1 }], nextId: null }), {
				returnAll: false,
				limit: 0,
			}),
		).toEqual([]);
	});
});
