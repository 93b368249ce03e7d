import http from 'node:http';

/**
 * What every fake platform server shares: an HTTP server on 127.0.0.1, on a port the OS chooses,
 * stopped with its open connections dropped (a client's keep-alive ones too).
 */
export abstract class FakeHttpServer {
	private server?: http.Server;
	private address?: string;

	/** `http://127.0.0.1:<port>`: what goes in the credential's domain or site address. */
	get url(): string {
		if (this.address === undefined) throw new Error(`${this.constructor.name} is not listening`);
		return this.address;
	}

	protected abstract handle(
		request: http.IncomingMessage,
		response: http.ServerResponse,
	): Promise<void>;

	/** Starts listening; each fake's `start` ends here. */
	protected async listen(): Promise<this> {
		const server = http.createServer((request, response) => {
			void this.handle(request, response);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const address = server.address();
		if (address === null || typeof address === 'string')
			throw new Error('a fake server listens on a TCP port');
		this.server = server;
		this.address = `http://127.0.0.1:${address.port}`;
		return this;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (server === undefined) return;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
		this.server = undefined;
	}
}
