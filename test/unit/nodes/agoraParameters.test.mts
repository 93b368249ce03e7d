import { describe, expect, it } from 'vitest';

import { AgoraClassroom } from '../../../nodes/AgoraClassroom/AgoraClassroom.node';
import { entryList } from '../../../nodes/AgoraClassroom/entryList';
import { isChosen } from '../../../nodes/shared/choice';
import { operationSubtitle } from '../support/operationSubtitle.mjs';

describe('Agora Classroom parameters', () => {
	it('reads a list parameter given as separated text or as a list', () => {
		expect(entryList(' room 1#, room-2\nroom&3 ,, ')).toEqual(['room 1#', 'room-2', 'room&3']);
		expect(entryList([' a ', '', 'b, c', 7])).toEqual(['a', 'b, c']);
		expect(entryList(undefined)).toEqual([]);
		expect(entryList(42)).toEqual([]);
	});

	it('passes every event type when none is chosen, otherwise only the chosen ones', () => {
		expect(isChosen([], '3')).toBe(true);
		expect(isChosen(['3', 'roomGone'], 'roomGone')).toBe(true);
		expect(isChosen(['3'], '20')).toBe(false);
		expect(isChosen([3, 20], 20)).toBe(true);
	});

	it("subtitles the canvas node with the chosen operation's action, for every operation", () => {
		const { description } = new AgoraClassroom();
		expect(description.subtitle).toBe(operationSubtitle(description.properties));
		expect(description.subtitle).toContain('"room:startClass":"Start a class"');
	});
});
