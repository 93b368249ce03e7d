/**
 * Agora Classroom Trigger catch-up: N events arrive in a watched classroom between two polls;
 * how many API requests and how long the next poll needs to emit them all, against the floor of
 * ⌈N/100⌉ requests (Agora lists at most 100 events per page), and how big the cursor state is.
 * Runs the trigger's poll() against the local fake Agora server (no n8n, no network delay: the
 * time is our own code plus the fake's).
 */
import { APP_ID, CERTIFICATE } from '../../support/fakes/agoraApp.mjs';
import { PollHarness } from '../../support/fakes/agoraPollContext.mjs';
import { FakeAgoraServer } from '../../support/fakes/agoraServer.mjs';
import { markdownTable } from './markdownTable.mjs';

const REGION = 'eu';

export interface CatchUpResult {
	events: number;
	emitted: number;
	requests: number;
	floor: number;
	milliseconds: number;
}

export interface CursorStateResult {
	rooms: number;
	bytes: number;
}

export interface AgoraCatchUp {
	catchUp: CatchUpResult[];
	cursorState: CursorStateResult[];
}

function harness(server: FakeAgoraServer, roomIds: string[]): PollHarness {
	return new PollHarness({
		credentials: { appId: APP_ID, appCertificate: CERTIFICATE, region: REGION, domain: server.url },
		parameters: {
			source: 'rooms',
			roomIds,
			streams: ['classroom'],
			eventTypes: [],
			routing: 'single',
			options: {},
		},
	});
}

export async function benchAgoraCatchUp(
	sizes = [10, 1_000, 10_000],
	roomCounts = [1, 100],
): Promise<AgoraCatchUp> {
	const server = await FakeAgoraServer.start({ appId: APP_ID, appCertificate: CERTIFICATE });
	try {
		const catchUp: CatchUpResult[] = [];
		for (const events of sizes) {
			const room = `catch-up-${events}`;
			server.createRoom(REGION, room);
			const trigger = harness(server, [room]);
			await trigger.poll(); // activation: the cursor starts at "now"
			for (let index = 0; index < events; index++)
				server.addEvent(REGION, room, 3, { message: `m${index}`, updateTime: Date.now() });
			const before = server.requestCount('sequences');
			const started = performance.now();
			const items = await trigger.pollItems();
			catchUp.push({
				events,
				emitted: items.length,
				requests: server.requestCount('sequences') - before,
				floor: Math.ceil(events / 100),
				milliseconds: performance.now() - started,
			});
		}
		const cursorState: CursorStateResult[] = [];
		for (const rooms of roomCounts) {
			const roomIds = Array.from(
				{ length: rooms },
				(_, index) => `cursor-state-room-${String(index).padStart(4, '0')}`,
			);
			for (const room of roomIds) {
				server.createRoom(REGION, room);
				server.addEvent(REGION, room, 3, { message: 'x' });
			}
			const trigger = harness(server, roomIds);
			await trigger.poll();
			cursorState.push({ rooms, bytes: Buffer.byteLength(JSON.stringify(trigger.staticData)) });
		}
		return { catchUp, cursorState };
	} finally {
		await server.stop();
	}
}

export function agoraCatchUpTables({ catchUp, cursorState }: AgoraCatchUp): string[] {
	return [
		...markdownTable(
			['new events', 'emitted', 'API requests', 'floor ⌈N/100⌉', 'time'],
			'rrrrr',
			catchUp,
			(result) => [
				result.events.toLocaleString('en-US'),
				result.emitted.toLocaleString('en-US'),
				String(result.requests),
				String(result.floor),
				`${result.milliseconds.toFixed(0)} ms`,
			],
		),
		'',
		...markdownTable(
			['watched classrooms', 'cursor state (static data, JSON)'],
			'rr',
			cursorState,
			(result) => [String(result.rooms), `${result.bytes.toLocaleString('en-US')} bytes`],
		),
	];
}
