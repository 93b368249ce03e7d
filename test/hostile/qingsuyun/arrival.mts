/**
 * How a valid callback may arrive: under every content type a sender might use, and by
 * HTTP methods Qingsuyun never uses.
 */
import { gzipSync } from 'node:zlib';

import type { CorpusBuilder } from '../builder.mjs';
import { JSON_TYPE, TEXT_TYPE } from '../contentTypes.mjs';
import { SECRET, callback, typeAt } from './callback.mjs';

/** Valid callbacks under every content type a sender might use, right or wrong. */
export function addContentTypes({ add, nextMarker }: CorpusBuilder): void {
	const contentTypes: Array<{ type: string | undefined }> = [
		{ type: JSON_TYPE },
		{ type: 'application/json; charset=utf-8' },
		{ type: 'Application/JSON' },
		{ type: TEXT_TYPE },
		{ type: 'text/plain; charset=utf-8' },
		{ type: 'application/octet-stream' },
		{ type: undefined },
		{ type: 'application/x-www-form-urlencoded' },
		{ type: 'text/html' },
		{ type: 'application/vnd.api+json' },
		// n8n's own body parser answered these 422 (XML sometimes, the unknown charset always)
		// before the node read its bodies itself.
		{ type: 'application/xml' },
		{ type: 'text/xml' },
		{ type: 'application/json; charset=windows-1251' },
		{ type: 'application/json; charset=gbk' },
	];
	for (const [index, { type }] of contentTypes.entries()) {
		for (let round = 0; round < 2; round++) {
			const marker = nextMarker();
			add('content types', `${type ?? 'none'}`, {
				body: JSON.stringify(callback(typeAt(index + round), marker)),
				contentType: type,
				marker,
				expect: 'execution',
			});
		}
	}
	{
		// A form post whose fields are the callback's, eventBody as JSON text.
		const marker = nextMarker();
		const fields = callback('answerSheet', marker);
		const form = new URLSearchParams({
			uuid: marker,
			ts: String(fields.ts),
			secretKey: SECRET,
			type: 'answerSheet',
			eventBody: JSON.stringify(fields.eventBody),
		});
		add('content types', 'form fields', {
			body: form.toString(),
			contentType: 'application/x-www-form-urlencoded',
			marker,
			expect: 'execution',
		});
		const gzipMarker = nextMarker();
		add('content types', 'gzip content-encoding', {
			body: gzipSync(JSON.stringify(callback('courseFinish', gzipMarker))),
			contentType: JSON_TYPE,
			headers: { 'content-encoding': 'gzip' },
			marker: gzipMarker,
			expect: 'execution',
		});
	}
}

/** Methods Qingsuyun never uses: n8n answers them itself. */
export function addOtherMethods({ add, nextMarker }: CorpusBuilder): void {
	for (const method of ['GET', 'PUT', 'DELETE'] as const) {
		const marker = nextMarker();
		add('other methods', method, {
			method,
			body: method === 'GET' ? undefined : JSON.stringify(callback('answerSheet', marker)),
			contentType: method === 'GET' ? undefined : JSON_TYPE,
			query: method === 'GET' ? { uuid: marker, secretKey: SECRET } : undefined,
			marker,
			expect: 'n8nRefuses',
			n8nRefusal: {
				status: 404,
				reason: 'the trigger registers POST only; n8n answers other methods with 404',
				authenticated: true,
			},
		});
	}
	{
		const marker = nextMarker();
		add('other methods', 'POST with a hostile query string', {
			body: JSON.stringify(callback('answerSheet', marker)),
			contentType: JSON_TYPE,
			query: { __proto__: 'x', 'constructor[prototype]': 'y', secretKey: 'wrong' },
			marker,
			expect: 'execution',
		});
	}
}
