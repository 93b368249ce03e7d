import { afterAll, beforeAll } from 'vitest';

import {
	APP_ID,
	CERTIFICATE,
	agoraCredentialSubstitutions,
} from '../../../support/fakes/agoraApp.mjs';
import { FakeAgoraServer } from '../../../support/fakes/agoraServer.mjs';
import { startN8n, type RunningN8n } from '../../../support/startN8n.mjs';
import { Sink } from './sink.mjs';

export interface AgoraTriggerSuite {
	n8n: RunningN8n;
	agora: FakeAgoraServer;
	sink: Sink;
}

export interface AgoraTriggerSuiteOptions {
	/** Workflow fixtures with an Agora Classroom Trigger, all activated. */
	workflows: string[];
	/** The fixtures' classroom placeholders (`ROOM_A`, …) and their values. */
	rooms: Record<string, string>;
	/** What the fake Agora holds before n8n activates the workflows (classrooms, old events). */
	prepare?: (agora: FakeAgoraServer) => void;
}

/**
 * Per test file: the fake Agora server, a sink and a real n8n with the Agora trigger credential
 * and `workflows`, handed to `onStart` once running and all stopped after the file's tests.
 */
export function agoraTriggerSuite(
	options: AgoraTriggerSuiteOptions,
	onStart: (suite: AgoraTriggerSuite) => void,
): void {
	let agora: FakeAgoraServer | undefined;
	let sink: Sink | undefined;
	let n8n: RunningN8n | undefined;
	beforeAll(async () => {
		agora = await FakeAgoraServer.start({ appId: APP_ID, appCertificate: CERTIFICATE });
		sink = await Sink.start();
		options.prepare?.(agora);
		n8n = await startN8n({
			credentials: ['agoraTrigger.credentials.json'],
			workflows: options.workflows,
			substitutions: {
				SINK_URL: sink.url,
				...agoraCredentialSubstitutions(agora.url),
				...options.rooms,
			},
			webhooks: [],
		});
		onStart({ n8n, agora, sink });
	}, 240_000);
	afterAll(async () => {
		await n8n?.stop();
		await sink?.close();
		await agora?.stop();
	});
}
