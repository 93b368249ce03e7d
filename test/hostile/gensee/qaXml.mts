/**
 * Client Q&A XML under the content types a sender might use, and with awkward Unicode inside.
 */
import { TEXT_TYPE, XML_TYPE, qaXml, type GenseeBuilder } from './callback.mjs';

export function addQaXml({ add, nextMarker }: GenseeBuilder): void {
	for (const contentType of [
		TEXT_TYPE,
		XML_TYPE,
		'application/xml',
		'text/html',
		'application/octet-stream',
		undefined,
	]) {
		for (const [name, wrap] of [
			['plain', (xml: string) => xml],
			['with BOM', (xml: string) => `\uFEFF${xml}`],
			['leading whitespace', (xml: string) => `\n\n  ${xml}`],
		] as const) {
			const marker = nextMarker();
			add('Q&A XML', `${name} (${contentType ?? 'no content type'})`, {
				method: 'POST',
				body: wrap(qaXml(marker)),
				contentType,
				marker,
				expect: 'execution',
			});
		}
	}
	for (const [name, text] of [
		['emoji', '👩‍👩‍👧‍👦 🇨🇳'],
		['right-to-left', '\u202Etxt.exe مرحبا'],
		['astral CJK', '𠀀𪚥𩸽 张三'],
		['escaped markup', '&lt;script&gt;alert(1)&lt;/script&gt; &amp;&quot;'],
		['CDATA end inside text', ']]&gt; ]]'],
	] as const) {
		const marker = nextMarker();
		add('Q&A XML', `unicode ${name}`, {
			method: 'POST',
			body: qaXml(marker, text),
			contentType: TEXT_TYPE,
			marker,
			expect: 'execution',
		});
	}
}
