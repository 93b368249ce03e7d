import { afterAll, beforeAll } from 'vitest';

import { APP_ID, CERTIFICATE } from '../../../support/fakes/agoraApp.mjs';
import { FakeAgoraServer, type FakeAgoraOptions } from '../../../support/fakes/agoraServer.mjs';

/**
 * One fake Agora server (the test app's id and certificate) for a test file: started before its
 * tests, handed to `onStart`, stopped after them.
 */
export function fakeAgoraServerPerFile(
	onStart: (server: FakeAgoraServer) => void,
	options: Omit<FakeAgoraOptions, 'appId' | 'appCertificate'> = {},
): void {
	let started: FakeAgoraServer | undefined;
	beforeAll(async () => {
		started = await FakeAgoraServer.start({
			appId: APP_ID,
			appCertificate: CERTIFICATE,
			...options,
		});
		onStart(started);
	});
	afterAll(async () => {
		await started?.stop();
	});
}
