/**
 * Wrong, missing and near-miss tokens, and the token where Teachbase never puts it.
 */
import type { CorpusBuilder } from '../builder.mjs';
import { JSON_TYPE } from '../contentTypes.mjs';
import { wrongTokens } from '../wrongSecrets.mjs';
import { TOKEN, webhook } from './webhook.mjs';

export function addWrongTokens({ add, nextMarker }: CorpusBuilder): void {
	wrongTokens(TOKEN).forEach(({ name, secret }, index) => {
		const marker = nextMarker();
		add('wrong tokens', name, {
			body: JSON.stringify(webhook(index, marker)),
			contentType: JSON_TYPE,
			token: secret,
			marker,
			expect: 'unauthenticated',
		});
	});
	const bodyToken = nextMarker();
	add('wrong tokens', 'token in the body instead of the URL', {
		body: JSON.stringify({ ...webhook(1, bodyToken), token: TOKEN }),
		contentType: JSON_TYPE,
		token: null,
		marker: bodyToken,
		expect: 'unauthenticated',
	});
}
