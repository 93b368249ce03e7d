/**
 * The Teachbase and Gensee action nodes as the editor shows them: the canvas subtitle names the
 * chosen operation's action, and the node panel's merged entry (which shows the trigger's
 * description) describes the action node too.
 */
import { describe, expect, it } from 'vitest';

import { Gensee } from '../../../nodes/Gensee/Gensee.node';
import { GenseeTrigger } from '../../../nodes/Gensee/GenseeTrigger.node';
import { Teachbase } from '../../../nodes/Teachbase/Teachbase.node';
import { TeachbaseTrigger } from '../../../nodes/Teachbase/TeachbaseTrigger.node';
import { operationSubtitle } from '../support/operationSubtitle.mjs';

describe('Teachbase and Gensee action nodes in the editor', () => {
	it("subtitle the canvas node with the chosen operation's action, for every operation", () => {
		const teachbase = new Teachbase().description;
		expect(teachbase.subtitle).toBe(operationSubtitle(teachbase.properties));
		expect(teachbase.subtitle).toContain(
			'"courseSession:enrolUser":"Enrol a user in a course session"',
		);
		const gensee = new Gensee().description;
		expect(gensee.subtitle).toBe(operationSubtitle(gensee.properties));
		expect(gensee.subtitle).toContain('"attendance:get":"Get attendance"');
	});

	it("give the node panel's merged entry a description that covers the actions and the events", () => {
		const teachbase = new TeachbaseTrigger().description.description;
		expect(teachbase).toMatch(/enrol people in sessions.*start workflows when Teachbase reports/);
		const gensee = new GenseeTrigger().description.description;
		expect(gensee).toMatch(/rooms and webcasts.*start workflows on webinar and class callbacks/);
	});
});
