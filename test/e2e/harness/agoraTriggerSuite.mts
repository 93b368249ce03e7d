import { agoraCredentialSubstitutions } from '../../../support/fakes/agoraApp.mjs';
import type { FakeAgoraServer } from '../../../support/fakes/agoraServer.mjs';
import { startN8n } from '../../../support/startN8n.mjs';
import { agoraSinkSuite, type AgoraSinkN8n } from './agoraSinkSuite.mjs';

export type AgoraTriggerSuite = AgoraSinkN8n;

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
	agoraSinkSuite(
		async (agora, sink, keep) => {
			options.prepare?.(agora);
			const n8n = await startN8n({
				credentials: ['agoraTrigger.credentials.json'],
				workflows: options.workflows,
				substitutions: {
					SINK_URL: sink.url,
					...agoraCredentialSubstitutions(agora.url),
					...options.rooms,
				},
				webhooks: [],
			});
			keep(n8n);
			return { n8n, agora, sink };
		},
		onStart,
		240_000,
	);
}
