import { afterAll, beforeAll } from 'vitest';

import { APP_ID, CERTIFICATE } from '../../../support/fakes/agoraApp.mjs';
import { FakeAgoraServer } from '../../../support/fakes/agoraServer.mjs';
import type { RunningN8n } from '../../../support/startN8n.mjs';
import { Sink } from './sink.mjs';

export interface AgoraSinkN8n {
	n8n: RunningN8n;
	agora: FakeAgoraServer;
	sink: Sink;
}

/**
 * Per test file: the fake Agora server and a sink, then the n8n that `start` runs with them
 * (it hands n8n to `keep` as soon as it runs, so a later setup failure still stops it); the
 * suite goes to `onStart`, and all three are stopped after the file's tests.
 */
export function agoraSinkSuite<Suite extends AgoraSinkN8n>(
	start: (agora: FakeAgoraServer, sink: Sink, keep: (n8n: RunningN8n) => void) => Promise<Suite>,
	onStart: (suite: Suite) => void,
	timeoutMs: number,
): void {
	let agora: FakeAgoraServer | undefined;
	let sink: Sink | undefined;
	let n8n: RunningN8n | undefined;
	beforeAll(async () => {
		agora = await FakeAgoraServer.start({ appId: APP_ID, appCertificate: CERTIFICATE });
		sink = await Sink.start();
		onStart(await start(agora, sink, (running) => (n8n = running)));
	}, timeoutMs);
	afterAll(async () => {
		await n8n?.stop();
		await sink?.close();
		await agora?.stop();
	});
}
