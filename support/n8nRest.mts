/**
 * n8n's internal REST API (`/rest/…`) as the editor uses it: the owner account a first visit
 * creates, and JSON calls with its session cookie. Shared by the editor suite, the recipes suite
 * and the screenshot script.
 */
import { pollUntil } from './process.mjs';

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Ada',
	lastName: 'Owner',
	password: 'Passw0rd-Edu-Events',
};

/**
 * Creates the owner account and returns its session cookie's value. n8n mounts /rest a little
 * after /healthz, and answers 200 "n8n is starting up" until then: both are waited out.
 */
export async function ownerCookie(baseUrl: string): Promise<string> {
	let answer = '';
	return await pollUntil(
		async () => {
			const response = await fetch(`${baseUrl}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(OWNER),
			});
			const text = await response.text();
			const cookie = /n8n-auth=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
			if (response.status === 200 && cookie !== undefined) return cookie;
			answer = `${response.status} ${text}`;
			if (response.status !== 404 && !text.includes('starting up'))
				throw new Error(`owner setup failed: ${answer}`);
			return undefined;
		},
		{ timeout: 60_000, interval: 500, describe: () => `owner setup (last answer: ${answer})` },
	);
}

/** A signed-in session of the owner: `call` sends JSON and returns n8n's `data`. */
export class RestSession {
	constructor(
		readonly baseUrl: string,
		private readonly cookie: string,
	) {}

	static async asOwner(baseUrl: string): Promise<RestSession> {
		return new RestSession(baseUrl, await ownerCookie(baseUrl));
	}

	async call(method: string, path: string, body?: unknown): Promise<unknown> {
		const response = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers: { cookie: `n8n-auth=${this.cookie}`, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /rest${path}: ${response.status} ${text}`);
		const parsed: unknown = text === '' ? undefined : JSON.parse(text);
		return typeof parsed === 'object' && parsed !== null && 'data' in parsed ? parsed.data : parsed;
	}

	cookieValue(): string {
		return this.cookie;
	}
}
