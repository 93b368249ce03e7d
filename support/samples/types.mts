/** One HTTP request a platform would send; `path` and `query` are appended to the target URL. */
export interface Delivery {
	label: string;
	method: 'GET' | 'POST';
	query?: Record<string, string>;
	contentType?: string;
	body?: string;
}

export interface SendOptions {
	/** Command-line flags after the URL, e.g. `--secret KEY`. */
	flags: Record<string, string>;
}

export interface SamplePlatform {
	/** Events this platform's samples cover (`all` is always accepted as well). */
	events: readonly string[];
	/** One usage line's worth of extra flags, e.g. `[--secret KEY]`. */
	flagsUsage: string;
	deliveries(event: string, options: SendOptions): Delivery[];
}

export class SampleError extends Error {}
