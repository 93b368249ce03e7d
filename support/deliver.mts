/**
 * Sends a platform's HTTP request (a `Delivery`) to a webhook URL exactly as described, for
 * `npm run send`, the end-to-end suites and the queue-mode burst.
 */
import type { Delivery } from './samples/types.mjs';

export interface DeliveryReply {
	status: number;
	text: string;
	contentType: string | null;
	/** Where a redirect points: a redirect is the trigger's answer, so it is never followed. */
	location: string | null;
}

export async function deliver(
	url: string,
	delivery: Delivery,
	extraQuery: Record<string, string> = {},
): Promise<DeliveryReply> {
	const target = new URL(url);
	for (const [key, value] of Object.entries({ ...delivery.query, ...extraQuery }))
		target.searchParams.set(key, value);
	const response = await fetch(target, {
		method: delivery.method,
		headers: delivery.contentType ? { 'content-type': delivery.contentType } : {},
		body: delivery.body,
		redirect: 'manual',
	});
	return {
		status: response.status,
		text: await response.text(),
		contentType: response.headers.get('content-type'),
		location: response.headers.get('location'),
	};
}

/** A POST of `body` as it is, with `contentType` (none when undefined). */
export function postRaw(body: string, contentType: string | undefined): Delivery {
	return {
		label: 'post',
		method: 'POST',
		body,
		...(contentType === undefined ? {} : { contentType }),
	};
}

/** A GET carrying `query` and no body. */
export function getQuery(query: Record<string, string>): Delivery {
	return { label: 'get', method: 'GET', query };
}
