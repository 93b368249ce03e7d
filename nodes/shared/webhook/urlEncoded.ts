import { decodeText } from './charset';

/** Fields of a query string or form body: the first value of a repeated name is kept. */
export type UrlEncodedFields = Record<string, string>;

/** As many fields as n8n's own form parser reads; the rest of a larger body is ignored. */
const MAX_FIELDS = 1000;

function isHexDigit(byte: number): boolean {
	return (
		(byte >= 0x30 && byte <= 0x39) ||
		(byte >= 0x41 && byte <= 0x46) ||
		(byte >= 0x61 && byte <= 0x66)
	);
}

/**
 * `%XX` to the byte it names and `+` to a space, byte by byte, so that percent-encoded GBK stays
 * intact until it is decoded as a whole (URLSearchParams would turn it into U+FFFD).
 */
function percentDecode(encoded: string): Uint8Array {
	const source = Buffer.from(encoded, 'latin1');
	const bytes = Buffer.alloc(source.length);
	let length = 0;
	for (let index = 0; index < source.length; index++) {
		const byte = source[index];
		if (byte === 0x2b) {
			bytes[length++] = 0x20;
		} else if (
			byte === 0x25 &&
			index + 2 < source.length &&
			isHexDigit(source[index + 1]) &&
			isHexDigit(source[index + 2])
		) {
			bytes[length++] = Number.parseInt(source.toString('latin1', index + 1, index + 3), 16);
			index += 2;
		} else {
			bytes[length++] = byte;
		}
	}
	return bytes.subarray(0, length);
}

/**
 * Parses `a=1&b=2` as a form body or query string does. `latin1Text` holds one character per
 * received byte; names and values are decoded in `charset` (see decodeText).
 */
export function parseUrlEncoded(
	latin1Text: string,
	charset: string | undefined,
	fallback: string,
): UrlEncodedFields {
	const fields: UrlEncodedFields = {};
	for (const pair of latin1Text.split('&', MAX_FIELDS)) {
		if (pair === '') continue;
		const separator = pair.indexOf('=');
		const rawName = separator === -1 ? pair : pair.slice(0, separator);
		const rawValue = separator === -1 ? '' : pair.slice(separator + 1);
		const name = decodeText(percentDecode(rawName), charset, fallback);
		if (name === '__proto__' || Object.prototype.hasOwnProperty.call(fields, name)) continue;
		fields[name] = decodeText(percentDecode(rawValue), charset, fallback);
	}
	return fields;
}
