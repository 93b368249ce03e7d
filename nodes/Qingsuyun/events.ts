import { outputTable, type OutputTable } from '../shared/routing';

/** Qingsuyun writes `ts` as Beijing wall time without an offset; its epoch fields are rendered here too. */
export const QINGSUYUN_TIME_ZONE = 'Asia/Shanghai';

export const QINGSUYUN_PLATFORM = 'qingsuyun';

/** Qingsuyun does not document its retries; a day of event ids covers any sane retry policy. */
export const QINGSUYUN_DEDUPE = { windowMs: 24 * 60 * 60 * 1000, maxEntries: 1000 };

interface QingsuyunEventType {
	/** The `type` Qingsuyun sends. */
	type: string;
	/** The readable `eventName` in output items and the option label in the node. */
	name: string;
	/** Where the callback is switched on in Qingsuyun, for the node's option description. */
	description: string;
	/** The node panel's trigger entry. */
	action: string;
	/** The output's label on the canvas, short enough to show whole. */
	output: string;
}

export const QINGSUYUN_EVENT_TYPES: readonly QingsuyunEventType[] = [
	{
		type: 'answerSheet',
		name: 'Exam Submitted',
		description: 'A learner handed in an exam paper (试卷设置 → 考试后 → 启用回调)',
		action: 'On exam submitted',
		output: 'Exam',
	},
	{
		type: 'courseFinish',
		name: 'Course Completed',
		description: 'A learner completed a course (课程设置 → 其他设置 → 启用回调)',
		action: 'On course completed',
		output: 'Course',
	},
	{
		type: 'coursewareFinish',
		name: 'Courseware Completed',
		description:
			'A learner completed one courseware item of a course (课程设置 → 其他设置 → 启用回调)',
		action: 'On courseware item completed',
		output: 'Courseware',
	},
	{
		type: 'clockFinish',
		name: 'Check-In Task Completed',
		description: 'A learner completed a check-in (打卡) task (打卡设置)',
		action: 'On check-in task completed',
		output: 'Check-In',
	},
];

export const QINGSUYUN_OUTPUTS: OutputTable = outputTable(
	QINGSUYUN_EVENT_TYPES.map((eventType) => ({ key: eventType.type, name: eventType.output })),
);

export function qingsuyunEventName(type: string): string {
	return (
		QINGSUYUN_EVENT_TYPES.find((eventType) => eventType.type === type)?.name ??
		`Qingsuyun event "${type}"`
	);
}
