/**
 * Large bodies: web questions within the limit, and a Q&A document too large to read.
 */
import { KIB, MIB } from '../sizes.mjs';
import { FORM_TYPE } from '../contentTypes.mjs';
import { TEXT_TYPE, qaXml, type GenseeBuilder } from './callback.mjs';

export function addLargeBodies({ add, nextMarker }: GenseeBuilder): void {
	for (const bytes of [64 * KIB, 900 * KIB]) {
		const marker = nextMarker();
		add('large bodies', `web question of ${bytes} bytes`, {
			method: 'POST',
			body: new URLSearchParams({
				userid: '1',
				name: 'n',
				webcastid: 'w',
				question: `${marker}${'问'.repeat(Math.floor(bytes / 9))}`,
			}).toString(),
			contentType: FORM_TYPE,
			marker,
			expect: 'execution',
		});
	}
	const bigXml = nextMarker();
	add('large bodies', 'Q&A XML of 4 MiB', {
		method: 'POST',
		body: qaXml(bigXml, 'x'.repeat(4 * MIB)),
		contentType: TEXT_TYPE,
		marker: bigXml,
		expect: 'flagged',
	});
}
