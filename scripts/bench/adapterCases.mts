/**
 * Decoding cases that go through a platform's webhook adapter, as the webhook pipeline calls it:
 * the bytes decoded with the adapter's fallback charset, `read`, then `decode`.
 */
import { buildUnrecognizedItem } from '../../nodes/shared/envelope';
import { redactSecrets } from '../../nodes/shared/secrets';
import type { TriggerOptions } from '../../nodes/shared/webhook/options';
import type { ReadResult, WebhookAdapter } from '../../nodes/shared/webhook/pipeline';
import {
	decodeRawRequest,
	type RawRequest,
	type ReceivedRequest,
} from '../../nodes/shared/webhook/request';
import { carriedBytes } from './requests.mjs';
import type { DecodeBenchCase } from './types.mjs';

/** A trigger at its defaults: no raw payload in the items. */
const DEFAULT_OPTIONS: TriggerOptions = { includeRaw: false, unrecognized: 'emit', values: {} };

interface Read<Event> {
	request: ReceivedRequest;
	read: ReadResult<Event>;
}

function readThrough<Event>(adapter: WebhookAdapter<Event>, raw: RawRequest): Read<Event> {
	const request = decodeRawRequest(raw, adapter.fallbackCharset);
	return { request, read: adapter.read(request) };
}

function recognizedEvent<Event>({ read }: Read<Event>): Event {
	if (!read.recognized) throw new Error(`bench sample not recognized: ${read.problem}`);
	return read.event;
}

function decodeThrough<Event>(
	adapter: WebhookAdapter<Event>,
	event: Event,
	request: ReceivedRequest,
): unknown {
	const decoded = adapter.decode(event, {
		request,
		options: DEFAULT_OPTIONS,
		receivedAt: Date.now(),
	});
	if ('problem' in decoded) throw new Error(`bench sample not decoded: ${decoded.problem}`);
	return decoded.items;
}

function benchCase(
	platform: string,
	label: string,
	raw: RawRequest,
	decode: () => unknown,
): DecodeBenchCase {
	return { platform, label, bytes: carriedBytes(raw), decode };
}

/** Each call reads the bytes and decodes the event. */
export function readAndDecodeCase<Event>(
	adapter: WebhookAdapter<Event>,
	label: string,
	raw: RawRequest,
): DecodeBenchCase {
	return benchCase(adapter.platform, label, raw, () => {
		const read = readThrough(adapter, raw);
		return decodeThrough(adapter, recognizedEvent(read), read.request);
	});
}

/** Each call decodes an event read once beforehand: the decoding step alone. */
export function decodeOnlyCase<Event>(
	adapter: WebhookAdapter<Event>,
	label: string,
	raw: RawRequest,
): DecodeBenchCase {
	const read = readThrough(adapter, raw);
	const event = recognizedEvent(read);
	return benchCase(adapter.platform, label, raw, () => decodeThrough(adapter, event, read.request));
}

/** The flagged path: an unreadable body is searched for the secrets and redacted before it is shown. */
export function flaggedCase<Event>(
	adapter: WebhookAdapter<Event>,
	label: string,
	raw: RawRequest,
	secrets: string[],
): DecodeBenchCase {
	return benchCase(adapter.platform, label, raw, () => {
		const { read, request } = readThrough(adapter, raw);
		if (read.recognized) throw new Error('bench sample unexpectedly recognized');
		return buildUnrecognizedItem({
			platform: adapter.platform,
			receivedAt: new Date().toISOString(),
			problem: read.problem,
			rawBody: redactSecrets(request.text, secrets),
		});
	});
}
