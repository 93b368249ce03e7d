import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { answerHead, apiErrorOptions, withDetail, type HttpFailure } from '../../shared/apiError';
import { isRecord } from '../../shared/guards';

/** What went wrong, as far as Teachbase said: the HTTP status and the text of its error body. */
export interface TeachbaseFailure extends HttpFailure {
	/** Teachbase's own words: `error`, `errors[]` joined, or `message`. */
	detail?: string;
}

/**
 * Teachbase's error bodies come in several shapes: `{"error": "…"}` (users/create),
 * `{"errors": ["…"]}` (register), `{"error": "…", "error_description": "…"}` (OAuth) or
 * `{"message": "…"}`. Whatever is there is joined into one line.
 */
export function errorDetail(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const trimmed = body.trim();
		return trimmed === '' || trimmed.startsWith('<') ? undefined : trimmed.slice(0, 300);
	}
	if (!isRecord(body)) return undefined;
	const parts: string[] = [];
	for (const key of ['error', 'error_description', 'message']) {
		const value = body[key];
		if (typeof value === 'string' && value !== '') parts.push(value);
	}
	const errors = body.errors;
	if (Array.isArray(errors)) {
		parts.push(
			...errors.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry))),
		);
	} else if (isRecord(errors)) {
		for (const [field, messages] of Object.entries(errors)) {
			parts.push(`${field} ${Array.isArray(messages) ? messages.join(', ') : String(messages)}`);
		}
	}
	return parts.length === 0 ? undefined : parts.join(', ').slice(0, 500);
}

const NETWORK_REASONS: ReadonlyArray<[RegExp, string]> = [
	[/ECONNREFUSED/i, 'the connection was refused'],
	[/ENOTFOUND|EAI_AGAIN/i, 'the host name was not found'],
	[/ETIMEDOUT|ECONNABORTED|timeout/i, 'the request timed out'],
	[/ECONNRESET|socket hang up/i, 'the connection was closed'],
	[/EHOSTUNREACH|ENETUNREACH/i, 'the host is unreachable'],
	[/certificate|SSL|TLS/i, 'its TLS certificate was not accepted'],
];

/**
 * Why no HTTP answer came back, in words. The error codes themselves (ECONNREFUSED, …) are left
 * out on purpose: n8n replaces any message that contains one with its own generic sentence.
 */
export function networkReason(error: unknown): string {
	const texts: string[] = [];
	let current: unknown = error;
	// The code may sit on the error or on its causes (fetch: "fetch failed" ← ECONNREFUSED).
	for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
		if (current instanceof Error) {
			texts.push(current.message, String(Reflect.get(current, 'code') ?? ''));
			current = current.cause;
		} else {
			texts.push(String(current));
			current = undefined;
		}
	}
	const text = texts.join(' ');
	for (const [pattern, reason] of NETWORK_REASONS) {
		if (pattern.test(text)) return reason;
	}
	return 'the request failed';
}

/** What to do about a failed call, in plain words. */
export function teachbaseErrorHint({ status }: TeachbaseFailure): string {
	if (status === 0)
		return 'Teachbase could not be reached: check the base URL in the credential and the network.';
	if (status === 400 || status === 422)
		return 'Teachbase refused a value: check the fields sent (email format, IDs, labels).';
	if (status === 401)
		return "Teachbase rejected the access token even after n8n fetched a new one: check that the API application still exists in Teachbase (Settings → API and integrations) and that the credential's Client ID and Client Secret are its current keys.";
	if (status === 403)
		return 'Teachbase refused access: the API application may lack the right to do this, or the object belongs to another account.';
	if (status === 404)
		return 'Teachbase does not know this object: check the course, session or user ID.';
	if (status === 429)
		return 'Teachbase is rate limiting these requests: wait a little and try again, or send fewer at a time.';
	if (status >= 500) return 'Teachbase had a temporary problem: try again shortly.';
	return 'Teachbase did not accept the request.';
}

export function teachbaseErrorMessage(failure: TeachbaseFailure): string {
	return withDetail(answerHead('Teachbase', failure), failure.detail);
}

/** A NodeApiError that keeps Teachbase's status, so callers can tell failures apart. */
export class TeachbaseApiError extends NodeApiError {
	readonly teachbase: TeachbaseFailure;

	constructor(node: INode, failure: TeachbaseFailure, response: JsonObject) {
		super(node, response, apiErrorOptions(failure, teachbaseErrorMessage, teachbaseErrorHint));
		this.teachbase = failure;
	}
}
