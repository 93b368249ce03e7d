/**
 * The interfaces a browser calls: web Q&A forms with awkward Unicode, roll call, the end page and
 * co-browse.
 */
import { AWKWARD_STRINGS } from '../mutations.mjs';
import { FORM_TYPE } from '../contentTypes.mjs';
import type { GenseeBuilder } from './callback.mjs';

export function addWebQuestions({ add, nextMarker }: GenseeBuilder): void {
	for (const awkward of AWKWARD_STRINGS) {
		const marker = nextMarker();
		const question = `${marker} ${String(JSON.parse(awkward.json))}`;
		add('web Q&A', awkward.name, {
			method: 'POST',
			body: new URLSearchParams({
				userid: '1001',
				name: '王芳',
				question,
				webcastid: 'w1',
			}).toString(),
			contentType: FORM_TYPE,
			marker,
			expect: 'execution',
		});
		// A GET carries it in the URL, which Node limits to 16 KiB of headers: the first 1 000 characters.
		const getMarker = nextMarker();
		add('web Q&A', `${awkward.name} (GET)`, {
			query: {
				userid: '1002',
				name: '李',
				question: `${getMarker} ${String(JSON.parse(awkward.json)).slice(0, 1_000)}`,
				webcastid: 'w1',
			},
			marker: getMarker,
			expect: 'execution',
		});
	}
}

export function addPages({ add, nextMarker }: GenseeBuilder): void {
	for (let index = 0; index < 6; index++) {
		const roll = nextMarker();
		add('pages', `roll call ${index}`, {
			query: { userid: String(9_934_592_200 + index), webcastid: roll },
			marker: roll,
			expect: 'execution',
			answer: 'page',
		});
		const end = nextMarker();
		add('pages', `end page ${index}`, {
			query: { userid: '1', confid: end, username: `<script>alert(${index})</script>` },
			marker: end,
			expect: 'execution',
			answer: 'page',
		});
		const browse = nextMarker();
		add('co-browse', `list ${index}`, {
			query: { roomid: browse },
			marker: browse,
			expect: 'execution',
			answer: 'json',
		});
	}
}
