/**
 * The webhook triggers the queue-mode suite drives, one small entry per platform. The suite
 * imports every entry's fixtures into one queue-mode n8n, sends each platform its share of the
 * burst through the webhook processor, and checks executions, workers and sink data per entry.
 *
 * To add a webhook trigger (Teachbase, Gensee): write an entry like `qingsuyun` below from the
 * platform's samples (`support/samples/<platform>.mts`) and e2e fixtures, and append it to
 * `queuePlatforms`.
 *
 * The Agora Classroom Trigger polls instead of receiving webhooks; queue.test.mts checks it in a
 * block of its own (main instance only, cursor across a restart of the main instance).
 */
import { GENSEE_SAMPLE_ACTIONS, genseeActionSample } from '../../../support/samples/gensee.mjs';
import type { Delivery } from '../../../support/samples/types.mjs';
import { QINGSUYUN_SAMPLE_TYPES, qingsuyunSample } from '../../../support/samples/qingsuyun.mjs';
import {
	TEACHBASE_SAMPLE_EVENTS,
	TEACHBASE_SAMPLE_TYPES,
	teachbaseSample,
} from '../../../support/samples/teachbase.mjs';

/** One distinct platform event of the burst. */
export interface BurstEvent {
	/** What identifies this event in the workflow's output item (see `eventKey`). */
	key: string;
	/** The HTTP request the platform would send (a duplicate delivery repeats it unchanged). */
	delivery: Delivery;
	/** Fields the item the workflow receives must carry. */
	expected: Record<string, unknown>;
}

export interface QueueWebhookPlatform {
	name: string;
	credentials: string[];
	workflows: string[];
	/** Fixture placeholders besides SINK_URL. */
	substitutions: Record<string, string>;
	/** The workflow the burst goes to, and its trigger's production webhook. */
	workflowId: string;
	webhookId: string;
	webhookPath: string;
	/** The sink path the workflow posts every item to. */
	sinkPath: string;
	/** `count` distinct events, each with a unique key. */
	events(count: number): BurstEvent[];
	/** Whether the reply is the platform's "accepted" answer (also for a duplicate delivery). */
	accepted(reply: { status: number; text: string }): boolean;
	/** The key of the event an output item came from. */
	eventKey(item: Record<string, unknown>): string | undefined;
	/**
	 * Whether a repeated delivery collapses into the first one's execution. Gensee does not retry,
	 * so its trigger runs every delivery, repeats included.
	 */
	deduplicates: boolean;
}

const QINGSUYUN_SECRET = 'queue-mode-secret-4c1d2e9f0a7b';

/**
 * Every few events of the burst come in a form n8n's own body parser refused or mangled before
 * the triggers read bodies themselves: JSON labelled as XML, legacy charsets, Q&A XML.
 */
const RAW_BODY_EVERY = 5;

/** Percent-encodes text in a single-byte or double-byte legacy charset from a character table. */
function percentEncoded(text: string, table: Record<string, number[]>): string {
	return [...text]
		.flatMap((character) => table[character] ?? [...Buffer.from(character, 'utf8')])
		.map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
		.join('');
}

/** GBK and windows-1251 bytes of the few names the burst uses (Node has no encoder for either). */
const GBK: Record<string, number[]> = { 张: [0xd5, 0xc5], 伟: [0xce, 0xb0] };
const CP1251: Record<string, number[]> = { К: [0xca], у: [0xf3], р: [0xf0], с: [0xf1] };

const qingsuyun: QueueWebhookPlatform = {
	name: 'qingsuyun',
	credentials: ['qingsuyun.credentials.json'],
	workflows: ['qingsuyun.workflows.json'],
	substitutions: { QINGSUYUN_SECRET },
	workflowId: 'qsyBasicFlow0001',
	webhookId: 'qsy-basic',
	webhookPath: 'qingsuyun',
	sinkPath: '/qsy-basic/0',
	events(count) {
		return Array.from({ length: count }, (_, index) => {
			const type = QINGSUYUN_SAMPLE_TYPES[index % QINGSUYUN_SAMPLE_TYPES.length] ?? 'answerSheet';
			const sample = qingsuyunSample(type, QINGSUYUN_SECRET);
			return {
				key: sample.uuid,
				delivery: {
					label: `qingsuyun ${type} #${index}`,
					method: 'POST',
					// n8n itself would have parsed this as XML and answered 422 or passed it on, alternately.
					contentType: index % RAW_BODY_EVERY === 1 ? 'text/xml' : 'application/json',
					body: JSON.stringify(sample),
				},
				expected: { platform: 'qingsuyun', event: type, eventId: sample.uuid, ...sample.eventBody },
			};
		});
	},
	accepted: ({ status, text }) => status === 200 && text === 'success',
	eventKey: (item) => (typeof item.eventId === 'string' ? item.eventId : undefined),
	deduplicates: true,
};

const TEACHBASE_EVENTS = TEACHBASE_SAMPLE_TYPES.flatMap((type) =>
	TEACHBASE_SAMPLE_EVENTS.map((event) => ({ type, event })),
);

/** Teachbase sends no event id: each burst event gets its own record id, so its body is unique. */
const teachbase: QueueWebhookPlatform = {
	name: 'teachbase',
	credentials: ['teachbase.credentials.json'],
	workflows: ['teachbase.workflows.json'],
	substitutions: { TEACHBASE_TOKEN: 'queue-mode-token-8d2f6a1c93e4' },
	workflowId: 'tbOpenFlow000001',
	webhookId: 'tb-open',
	webhookPath: 'teachbase',
	sinkPath: '/tb-open/0',
	events(count) {
		return Array.from({ length: count }, (_, index) => {
			const { type, event } =
				TEACHBASE_EVENTS[index % TEACHBASE_EVENTS.length] ?? TEACHBASE_EVENTS[0]!;
			const sample = teachbaseSample(type, event);
			const id = 700_000 + index;
			const legacyForm = index % RAW_BODY_EVERY === 2;
			const body = {
				...sample,
				data: { ...sample.data, id, ...(legacyForm ? { name: 'Курс' } : {}) },
			};
			return {
				key: String(id),
				delivery: legacyForm
					? {
							label: `teachbase ${type}.${event} #${index} (windows-1251 form)`,
							method: 'POST',
							contentType: 'application/x-www-form-urlencoded; charset=windows-1251',
							body: `data=${percentEncoded(JSON.stringify(body), CP1251)}`,
						}
					: {
							label: `teachbase ${type}.${event} #${index}`,
							method: 'POST',
							contentType: 'application/json',
							body: JSON.stringify(body),
						},
				expected: {
					platform: 'teachbase',
					event: `${type}.${event}`,
					id,
					user_id: sample.data.user_id,
					...(legacyForm ? { name: 'Курс' } : {}),
				},
			};
		});
	},
	accepted: ({ status, text }) => status === 200 && text === 'ok',
	eventKey: (item) => (typeof item.id === 'number' ? String(item.id) : undefined),
	deduplicates: true,
};

/** Status and courseware callbacks (GETs), each with its own class number as the key. */
const gensee: QueueWebhookPlatform = {
	name: 'gensee',
	credentials: ['gensee.credentials.json'],
	workflows: ['gensee.workflows.json'],
	substitutions: { GENSEE_TOKEN: 'queue-mode-gensee-token-5b7e' },
	workflowId: 'gsOpenFlow000001',
	webhookId: 'gs-open',
	webhookPath: 'gensee',
	sinkPath: '/gs-open/0',
	events(count) {
		return Array.from({ length: count }, (_, index) => {
			const action = GENSEE_SAMPLE_ACTIONS[index % GENSEE_SAMPLE_ACTIONS.length] ?? '101';
			const classNo = `queue-class-${index}`;
			const sample = { ...genseeActionSample(action), ClassNo: classNo };
			if (index % RAW_BODY_EVERY === 3) {
				return {
					key: classNo,
					delivery: {
						label: `gensee web Q&A in GBK #${index}`,
						method: 'POST',
						contentType: 'application/x-www-form-urlencoded',
						body: `userid=1&name=${percentEncoded('张伟', GBK)}&question=q&webcastid=${classNo}`,
					},
					expected: { platform: 'gensee', event: 'qa.web', webcastid: classNo, name: '张伟' },
				};
			}
			if (index % RAW_BODY_EVERY === 4) {
				const xml = `<?xml version="1.0" encoding="UTF-8"?><webcast id="${classNo}"><question id="q-${classNo}" time="1400470679" uid="1" uname="张伟">作业什么时候交？</question></webcast>`;
				return {
					key: classNo,
					delivery: {
						label: `gensee client Q&A as text/xml #${index}`,
						method: 'POST',
						contentType: 'text/xml',
						body: xml,
					},
					expected: { platform: 'gensee', event: 'qa.client', webcastId: classNo },
				};
			}
			return {
				key: classNo,
				delivery: { label: `gensee ${action} #${index}`, method: 'GET', query: sample },
				expected: { platform: 'gensee', event: action, ClassNo: classNo, Action: Number(action) },
			};
		});
	},
	accepted: ({ status, text }) => status === 200 && text === '',
	eventKey: (item) =>
		typeof item.ClassNo === 'string'
			? item.ClassNo
			: [item.webcastid, item.webcastId].find(
					(value): value is string => typeof value === 'string',
				),
	deduplicates: false,
};

export const queuePlatforms: readonly QueueWebhookPlatform[] = [qingsuyun, teachbase, gensee];
