import { outputTable, type OutputTable } from '../shared/routing';

export const GENSEE_PLATFORM = 'gensee';

/** Gensee is a Chinese platform; its Q&A times are rendered in Beijing time. */
export const GENSEE_TIME_ZONE = 'Asia/Shanghai';

/** The seven callback interfaces of the Gensee spec, by the `kind` a URL may name explicitly. */
export type GenseeInterface =
	'status' | 'vod' | 'qaClient' | 'qaWeb' | 'rollCall' | 'endPage' | 'coBrowse';

interface GenseeInterfaceInfo {
	kind: GenseeInterface;
	/** Label of the filter option. */
	name: string;
	description: string;
	/** The node panel's trigger entry. */
	action: string;
	/** The output's label on the canvas, short enough to show whole. */
	output: string;
	/** `event` of items from this interface; status and VOD callbacks use their Action code. */
	event: string;
	eventName: string;
}

export const GENSEE_INTERFACES: readonly GenseeInterfaceInfo[] = [
	{
		kind: 'status',
		name: 'Live Status and Attendance',
		description:
			'Live/class started, paused, stopped, recording ready, users joining and leaving (Action 101–110)',
		action: 'On attendance or live status',
		output: 'Attendance',
		event: 'status',
		eventName: 'Live status changed',
	},
	{
		kind: 'vod',
		name: 'Courseware Viewing',
		description: 'A recording or courseware (VOD) started or finished playing (Action 111/112)',
		action: 'On courseware viewing',
		output: 'Courseware',
		event: 'vod',
		eventName: 'Courseware viewing changed',
	},
	{
		kind: 'qaClient',
		name: 'Q&A From Client',
		description: 'Questions published or answered in the desktop client (XML)',
		action: 'On question from the client',
		output: 'Client Q&A',
		event: 'qa.client',
		eventName: 'Question from client',
	},
	{
		kind: 'qaWeb',
		name: 'Q&A From Web',
		description: 'Questions asked by web attendees',
		action: 'On question from the web',
		output: 'Web Q&A',
		event: 'qa.web',
		eventName: 'Question from web',
	},
	{
		kind: 'rollCall',
		name: 'Roll Call Page',
		description: "An attendee's browser opened the roll-call page",
		action: 'On roll call',
		output: 'Roll Call',
		event: 'rollCall',
		eventName: 'Roll call answered',
	},
	{
		kind: 'endPage',
		name: 'End Page',
		description: "A client exited and the attendee's browser opened the end page",
		action: 'On end page opened',
		output: 'End Page',
		event: 'endPage',
		eventName: 'Attendee left (end page)',
	},
	{
		kind: 'coBrowse',
		name: 'Co-Browse List',
		description: "A teacher's client asked for the co-browse list",
		action: 'On co-browse list request',
		output: 'Co-Browse',
		event: 'coBrowse',
		eventName: 'Co-browse list requested',
	},
];

export function isGenseeInterface(value: unknown): value is GenseeInterface {
	return GENSEE_INTERFACES.some((info) => info.kind === value);
}

export function genseeInterfaceInfo(kind: GenseeInterface): GenseeInterfaceInfo {
	const info = GENSEE_INTERFACES.find((candidate) => candidate.kind === kind);
	if (!info) throw new Error(`Unknown Gensee interface ${kind}`);
	return info;
}

export type ActionCategory = 'join' | 'leave' | 'session' | 'recording' | 'playback';

interface GenseeAction {
	code: number;
	name: string;
	category: ActionCategory;
}

/** Action codes of the status (101–110) and VOD (111/112) callbacks, spec §2, §6 and §8. */
export const GENSEE_ACTIONS: readonly GenseeAction[] = [
	{ code: 101, name: 'User joined', category: 'join' },
	{ code: 102, name: 'Meeting created', category: 'session' },
	{ code: 103, name: 'Live started', category: 'session' },
	{ code: 104, name: 'Live paused', category: 'session' },
	{ code: 105, name: 'Live stopped', category: 'session' },
	{ code: 106, name: 'Recording generated', category: 'recording' },
	{ code: 107, name: 'User left', category: 'leave' },
	{ code: 110, name: 'User left abnormally', category: 'leave' },
	{ code: 111, name: 'Playback started', category: 'playback' },
	{ code: 112, name: 'Playback ended', category: 'playback' },
];

export const VOD_ACTIONS: ReadonlySet<number> = new Set([111, 112]);

export function genseeAction(code: number): GenseeAction | undefined {
	return GENSEE_ACTIONS.find((action) => action.code === code);
}

/** One output per interface; requests the node cannot place go to "Other". */
export const GENSEE_OUTPUTS: OutputTable = outputTable(
	GENSEE_INTERFACES.map((info) => ({ key: info.kind, name: info.output })),
);
