import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
} from 'n8n-workflow';
import { beforeEach, describe, expect, it } from 'vitest';

import { AgoraClassroom } from '../../../nodes/AgoraClassroom/AgoraClassroom.node.js';
import { APP_ID, CERTIFICATE } from '../../../support/fakes/agoraApp.mjs';
import { agoraContextBase } from '../../../support/fakes/agoraContext.mjs';
import type { FakeAgoraServer } from '../../../support/fakes/agoraServer.mjs';
import { itemsContext } from '../../../support/fakes/executeContext.mjs';
import { fakeAgoraServerPerFile } from '../support/fakeAgoraServerPerFile.mjs';
import { failureOf } from '../support/failureOf.mjs';

const REGION = 'na';
const ROOM = 'unit room #1 ?&%';

let server: FakeAgoraServer;
const node = new AgoraClassroom();

/** Runs the node on `items`, each with its own parameters, as n8n would. */
async function run(
	perItem: IDataObject[],
	options: { continueOnFail?: boolean } = {},
): Promise<INodeExecutionData[]> {
	const base = agoraContextBase({
		appId: APP_ID,
		appCertificate: CERTIFICATE,
		region: REGION,
		domain: server.url,
	});
	const [output] = await node.execute.call(itemsContext(base, perItem, options));
	return output ?? [];
}

fakeAgoraServerPerFile((started) => (server = started));
beforeEach(() => {
	server.clearFaults();
	server.destroyRoom(REGION, ROOM);
	server.createRoom(REGION, ROOM, { roomName: 'Unit' });
});

describe('Agora Classroom node', () => {
	it('runs once per input item and pairs every output with its item', async () => {
		server.destroyRoom(REGION, 'second');
		server.createRoom(REGION, 'second', { roomName: 'Second' });
		const output = await run([
			{ resource: 'room', operation: 'setState', roomUuid: ROOM, state: 'start' },
			{ resource: 'room', operation: 'setState', roomUuid: 'second', state: 'start' },
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(output[0]?.json).toEqual({
			success: true,
			roomUuid: ROOM,
			state: 'started',
			stateCode: 1,
		});
		expect(output[1]?.json).toEqual({
			success: true,
			roomUuid: 'second',
			state: 'started',
			stateCode: 1,
		});
		expect([server.room(REGION, ROOM)?.state, server.room(REGION, 'second')?.state]).toEqual([
			1, 1,
		]);
	});

	it('turns a failed item into an error item with the hint when continuing on fail, and keeps going', async () => {
		server.addUser(REGION, ROOM, { userUuid: 'ann', userName: 'Ann', role: 1 });
		const output = await run(
			[
				{ resource: 'user', operation: 'get', roomUuid: ROOM, userUuid: 'nobody' },
				{ resource: 'user', operation: 'get', roomUuid: ROOM, userUuid: 'ann' },
			],
			{ continueOnFail: true },
		);
		expect(output[0]).toEqual({
			json: {
				error: 'Agora answered HTTP 404, code 20404200: User not exists!',
				description: 'No user with this ID is in the classroom: check the user ID.',
			},
			pairedItem: { item: 0 },
		});
		expect(output[1]).toMatchObject({
			json: { roomUuid: ROOM, userUuid: 'ann', role: 'teacher', roleId: 1 },
			pairedItem: { item: 1 },
		});
	});

	it('fails with a NodeApiError naming the item otherwise', async () => {
		const error = await failureOf(
			run([{ resource: 'room', operation: 'get', roomUuid: 'missing room' }]),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Agora answered HTTP 404, code 20404100: Room not exists!');
	});

	it('refuses invalid properties JSON and empty IDs before calling Agora', async () => {
		const before = server.requestCount();
		const badJson = await failureOf(
			run([
				{ resource: 'room', operation: 'updateProperties', roomUuid: ROOM, properties: '{"a":' },
			]),
		);
		expect(badJson).toBeInstanceOf(NodeOperationError);
		expect(badJson.message).toBe('Properties is not valid JSON');
		const notObject = await failureOf(
			run([
				{
					resource: 'user',
					operation: 'updateProperties',
					roomUuid: ROOM,
					userUuid: 'u',
					properties: '[1]',
				},
			]),
		);
		expect(notObject.message).toBe('Properties must be a JSON object');
		const empty = await failureOf(run([{ resource: 'room', operation: 'get', roomUuid: '  ' }]));
		expect(empty.message).toBe('Classroom ID is empty');
		expect(server.requestCount()).toBe(before);
	});

	it('says when a classroom already existed instead of failing', async () => {
		const [item] = await run([
			{
				resource: 'room',
				operation: 'create',
				roomUuid: ROOM,
				roomName: 'Other',
				roomType: 2,
				additionalFields: {},
			},
		]);
		expect(item?.json).toMatchObject({
			roomUuid: ROOM,
			created: false,
			alreadyExisted: true,
			roomName: 'Unit',
		});
	});

	it('returns a limited number of events, or all of them across pages', async () => {
		for (let index = 1; index <= 230; index++)
			server.addEvent(REGION, ROOM, 3, { message: `m${index}` });
		const limited = await run([
			{
				resource: 'event',
				operation: 'getMany',
				roomUuid: ROOM,
				eventTypes: [],
				returnAll: false,
				limit: 7,
				eventOptions: {},
			},
		]);
		expect(limited.map((item) => item.json.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		const before = server.requestCount('sequences');
		const all = await run([
			{
				resource: 'event',
				operation: 'getMany',
				roomUuid: ROOM,
				eventTypes: ['3'],
				returnAll: true,
				eventOptions: {},
			},
		]);
		expect(all).toHaveLength(230);
		expect(server.requestCount('sequences') - before).toBe(3);
		expect(server.requests.at(-1)?.query.get('cmd')).toBe('3');
	});

	it('gets attendance over every page of the users in/out and class state events, students by default', async () => {
		const start = Date.parse('2026-11-23T09:00:00Z');
		const minutes = (count: number) => start + count * 60_000;
		const move = (
			list: 'onlineUsers' | 'offlineUsers',
			type: number,
			userUuid: string,
			time: number,
			role = 2,
		) =>
			server.addEvent(REGION, ROOM, 20, {
				total: 1,
				[list]: [
					{
						userUuid,
						userName: userUuid.toUpperCase(),
						role: String(role),
						type,
						updateTime: time,
					},
				],
			});
		server.addEvent(REGION, ROOM, 1, { state: 1, startTime: minutes(0) });
		move('onlineUsers', 1, 'teacher', minutes(0), 1);
		// 120 students join and leave in pairs, between chat messages that are not read.
		for (let index = 0; index < 120; index++) {
			move('onlineUsers', 1, `s${String(index).padStart(3, '0')}`, minutes(1));
			server.addEvent(REGION, ROOM, 3, { message: `m${index}` });
		}
		for (let index = 0; index < 120; index++)
			move(
				'offlineUsers',
				index % 2 === 0 ? 1 : 2,
				`s${String(index).padStart(3, '0')}`,
				minutes(31),
			);
		move('onlineUsers', 1, 's000', minutes(40));
		move('onlineUsers', 2, 's000', minutes(45));
		server.addEvent(REGION, ROOM, 1, { state: 2, endTime: minutes(60) });
		const before = server.requestCount('sequences');
		const output = await run([{ resource: 'room', operation: 'getAttendance', roomUuid: ROOM }]);
		const requests = server.requests.slice(-(server.requestCount('sequences') - before));
		expect(requests.map((request) => request.query.get('cmd'))).toEqual(['1', '20', '20', '20']);
		expect(output).toHaveLength(120);
		expect(output.every((item) => item.pairedItem !== undefined)).toBe(true);
		expect(output[0]?.json).toEqual({
			roomUuid: ROOM,
			userUuid: 's000',
			userName: 'S000',
			role: 'student',
			firstJoinedAt: '2026-11-23T09:01:00.000Z',
			lastLeftAt: null,
			sessions: 2,
			minutesPresent: 50,
			wasKicked: false,
			stillInClassroom: true,
			classStartedAt: '2026-11-23T09:00:00.000Z',
			classEndedAt: '2026-11-23T10:00:00.000Z',
		});
		expect(output[1]?.json).toMatchObject({
			userUuid: 's001',
			sessions: 1,
			minutesPresent: 30,
			wasKicked: true,
			lastLeftAt: '2026-11-23T09:31:00.000Z',
			stillInClassroom: false,
		});
		expect(output.at(-1)?.json.userUuid).toBe('s119');

		const teachers = await run([
			{
				resource: 'room',
				operation: 'getAttendance',
				roomUuid: ROOM,
				roles: ['teacher'],
				attendanceOptions: { classTimeOnly: true },
			},
		]);
		expect(teachers.map((item) => item.json)).toMatchObject([
			{ userUuid: 'teacher', role: 'teacher', minutesPresent: 60, stillInClassroom: true },
		]);
	});

	it("fails Get Attendance with Agora's answer when the classroom does not exist", async () => {
		const error = await failureOf(
			run([{ resource: 'room', operation: 'getAttendance', roomUuid: 'missing room' }]),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Agora answered HTTP 404, code 20404100: Room not exists!');
	});
});
