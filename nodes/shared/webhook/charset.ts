/**
 * Turning received bytes into text. A charset the sender declared wins; without one, valid UTF-8
 * is read as UTF-8 and anything else in the platform's legacy charset (GBK/GB18030 for Chinese
 * platforms), so that names sent by older systems arrive readable instead of as U+FFFD.
 */

export const UTF8 = 'utf-8';

/** A charset name TextDecoder knows, normalised (`GBK` → `gbk`, `utf8` → `utf-8`); undefined otherwise. */
export function knownCharset(name: string | undefined): string | undefined {
	if (name === undefined || name.trim() === '') return undefined;
	try {
		return new TextDecoder(name.trim()).encoding;
	} catch {
		return undefined;
	}
}

/**
 * One decoder per charset, made on first use: a form body decodes every field on its own, and a
 * TextDecoder (not streaming) keeps no state between calls. Keyed by the canonical names
 * knownCharset returns, never by what a sender wrote, so the map stays as small as the set of
 * charsets TextDecoder knows.
 */
type Decoder = InstanceType<typeof TextDecoder>;

const decoders = new Map<string, Decoder>();

function decoderFor(charset: string): Decoder {
	let decoder = decoders.get(charset);
	if (decoder === undefined) {
		decoder = new TextDecoder(charset);
		decoders.set(charset, decoder);
	}
	return decoder;
}

/** `charset` of a Content-Type header, e.g. `text/xml; charset="GBK"` → `gbk`. */
export function contentTypeCharset(contentType: string | undefined): string | undefined {
	const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
	return knownCharset(match?.[1]);
}

/** `encoding` of an XML declaration at the start of the body, e.g. `<?xml version="1.0" encoding="GB2312"?>`. */
export function xmlDeclarationCharset(bytes: Uint8Array): string | undefined {
	const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
	const match = /^(?:\xEF\xBB\xBF)?\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
		head,
	);
	return knownCharset(match?.[1]);
}

const strictUtf8 = new TextDecoder(UTF8, { fatal: true });

/**
 * Decodes `bytes` in the declared charset (a name from knownCharset); with none (or UTF-8
 * declared) as UTF-8 when they are valid UTF-8, else in `fallback`.
 */
export function decodeText(
	bytes: Uint8Array,
	declared: string | undefined,
	fallback: string,
): string {
	if (declared !== undefined && declared !== UTF8) return decoderFor(declared).decode(bytes);
	try {
		return strictUtf8.decode(bytes);
	} catch {
		return decoderFor(knownCharset(fallback) ?? UTF8).decode(bytes);
	}
}
