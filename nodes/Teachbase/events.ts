import { outputTable, type OutputTable } from '../shared/routing';

export const TEACHBASE_PLATFORM = 'teachbase';

/** Teachbase writes times in Moscow time; times without an offset are read in this zone. */
export const TEACHBASE_TIME_ZONE = 'Europe/Moscow';

/** Items give Teachbase's times in UTC, whatever offset they were written with. */
export const TEACHBASE_OUTPUT_ZONE = 'UTC';

export type TeachbaseEventAction = 'created' | 'updated';

interface TeachbaseWebhookType {
	/** The `type` Teachbase sends (snake_case), e.g. `course_stat`. */
	type: string;
	/** The name in Teachbase's documentation and support requests, e.g. `CourseStat`. */
	supportName: string;
	/** Label of the option. */
	name: string;
	description: string;
	/** The node panel's trigger entry. */
	action: string;
	/** The output's label on the canvas, short enough to show whole. */
	output: string;
	eventNames: Record<TeachbaseEventAction, string>;
}

export const TEACHBASE_WEBHOOK_TYPES: readonly TeachbaseWebhookType[] = [
	{
		type: 'course_stat',
		supportName: 'CourseStat',
		name: 'Course Progress',
		description: "A learner's enrolment and progress in a course session (CourseStat)",
		action: 'On course enrolment or progress',
		output: 'Course',
		eventNames: { created: 'User enrolled in course', updated: 'Course progress updated' },
	},
	{
		type: 'section_stat',
		supportName: 'SectionStat',
		name: 'Section Progress',
		description: "A learner's progress in one section of a course (SectionStat)",
		action: 'On section progress',
		output: 'Section',
		eventNames: { created: 'Section started', updated: 'Section progress updated' },
	},
	{
		type: 'quiz_stat',
		supportName: 'QuizStat',
		name: 'Quiz Result',
		description: "A learner's attempt at a quiz in a course (QuizStat)",
		action: 'On quiz result',
		output: 'Quiz',
		eventNames: { created: 'Quiz attempt started', updated: 'Quiz result updated' },
	},
	{
		type: 'task_stat',
		supportName: 'TaskStat',
		name: 'Task Result',
		description: "A learner's work on an assignment in a course (TaskStat)",
		action: 'On task result',
		output: 'Task',
		eventNames: { created: 'Task started', updated: 'Task result updated' },
	},
	{
		type: 'scorm_stat',
		supportName: 'ScormStat',
		name: 'SCORM Result',
		description: "A learner's progress in a SCORM package in a course (ScormStat)",
		action: 'On SCORM progress',
		output: 'SCORM',
		eventNames: { created: 'SCORM package started', updated: 'SCORM progress updated' },
	},
	{
		type: 'material_stat',
		supportName: 'MaterialStat',
		name: 'Material Progress',
		description: "A learner's progress through a material in a course (MaterialStat)",
		action: 'On material progress',
		output: 'Material',
		eventNames: { created: 'Material opened', updated: 'Material progress updated' },
	},
];

export const TEACHBASE_EVENT_ACTIONS: ReadonlyArray<{ value: TeachbaseEventAction; name: string }> =
	[
		{ value: 'created', name: 'Created (Enrolled, Started, Opened)' },
		{ value: 'updated', name: 'Updated (Progress, Result, Completion)' },
	];

export const TEACHBASE_OUTPUTS: OutputTable = outputTable(
	TEACHBASE_WEBHOOK_TYPES.map((webhookType) => ({
		key: webhookType.type,
		name: webhookType.output,
	})),
);

function webhookType(type: string): TeachbaseWebhookType | undefined {
	return TEACHBASE_WEBHOOK_TYPES.find((candidate) => candidate.type === type);
}

function isEventAction(event: string): event is TeachbaseEventAction {
	return event === 'created' || event === 'updated';
}

export function teachbaseEventName(type: string, event: string): string {
	const known = webhookType(type);
	if (known && isEventAction(event)) return known.eventNames[event];
	return `Teachbase ${type} ${event}`.trim();
}

/** `CourseStat`, `courseStat` and `course_stat` all name the same type. */
export function normaliseTeachbaseType(name: string): string {
	return name
		.replace(/([a-z0-9])([A-Z])/g, '$1_$2')
		.replace(/[\s-]+/g, '_')
		.toLowerCase();
}
