/**
 * Wrong, missing and near-miss tokens on each kind of request, and the token where Gensee never
 * puts it.
 */
import { genseeActionSample } from '../../../support/samples/gensee.mjs';
import { wrongTokens } from '../wrongSecrets.mjs';
import { FORM_TYPE } from '../contentTypes.mjs';
import { TEXT_TYPE, TOKEN, qaXml, type GenseeBuilder } from './callback.mjs';

export function addWrongTokens({ add, nextMarker }: GenseeBuilder): void {
	for (const { name, secret: token } of wrongTokens(TOKEN)) {
		const xml = nextMarker();
		add('wrong tokens', `${name} (Q&A XML)`, {
			method: 'POST',
			body: qaXml(xml),
			contentType: TEXT_TYPE,
			token,
			marker: xml,
			expect: 'unauthenticated',
		});
		const status = nextMarker();
		add('wrong tokens', `${name} (status)`, {
			query: { ...genseeActionSample('101'), ClassNo: status },
			token,
			marker: status,
			expect: 'unauthenticated',
		});
		const roll = nextMarker();
		add('wrong tokens', `${name} (roll call)`, {
			query: { userid: '1', webcastid: roll },
			token,
			marker: roll,
			expect: 'unauthenticated',
			answer: 'page',
		});
	}
	const bodyToken = nextMarker();
	add('wrong tokens', 'token in the form instead of the URL', {
		method: 'POST',
		body: new URLSearchParams({
			userid: '1',
			name: 'n',
			webcastid: 'w',
			question: bodyToken,
			token: TOKEN,
		}).toString(),
		contentType: FORM_TYPE,
		token: null,
		marker: bodyToken,
		expect: 'unauthenticated',
	});
}
