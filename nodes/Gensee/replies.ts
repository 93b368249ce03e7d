import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../shared/guards';
import type { GenseeParams } from './params';

export const HTML = 'text/html; charset=utf-8';
export const JSON_UTF8 = 'application/json; charset=utf-8';

function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/** A small page for attendees' browsers (roll call, end page). */
export function messagePage(message: string): string {
	const paragraphs = message
		.split(/\n+/)
		.map((line) => `<p>${escapeHtml(line)}</p>`)
		.join('');
	return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(message.split('\n')[0] ?? '')}</title><style>body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;display:flex;min-height:100vh;margin:0;align-items:center;justify-content:center;background:#f6f7f9;color:#1f2329}main{max-width:32rem;padding:2rem;text-align:center;font-size:1.1rem;line-height:1.6}</style></head><body><main>${paragraphs}</main></body></html>`;
}

/**
 * Fills `{userid}`-style placeholders of a redirect URL with the request's parameters, encoded
 * for a URL. Unknown placeholders become empty.
 */
export function fillRedirectUrl(template: string, params: GenseeParams): string {
	return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
		const key = Object.keys(params).find(
			(candidate) => candidate.toLowerCase() === name.toLowerCase(),
		);
		return key === undefined ? '' : encodeURIComponent(params[key] ?? '');
	});
}

export function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/** The co-browse list from the node's "Name / URL" entries. */
export function coBrowseListJson(entries: unknown): string {
	const list = isRecord(entries) && Array.isArray(entries.entry) ? entries.entry : [];
	const items: IDataObject[] = list.flatMap((entry: unknown) =>
		isRecord(entry) && typeof entry.name === 'string' && typeof entry.url === 'string'
			? [{ name: entry.name, url: entry.url }]
			: [],
	);
	return JSON.stringify(items);
}
