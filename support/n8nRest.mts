/**
 * n8n's internal REST API (`/rest/…`) as the editor uses it: the owner account a first visit
 * creates, and JSON calls with its session cookie. Shared by the editor suite, the recipes suite
 * and the screenshot script.
 */

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Ada',
	lastName: 'Owner',
	password: 'Passw0rd-Edu-Events',
};

/** Creates the owner account and returns its session cookie's value; n8n mounts /rest a little after /healthz. */
export async function ownerCookie(baseUrl: string): Promise<string> {
	const deadline = Date.now() + 60_000;
	let response: Response;
	for (;;) {
		response = await fetch(`${baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (response.status !== 404 || Date.now() > deadline) break;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	const cookie = /n8n-auth=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
	if (response.status !== 200 || cookie === undefined)
		throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
	return cookie;
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
