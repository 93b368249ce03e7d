import type { INodeProperties } from 'n8n-workflow';

import { routingProperty } from '../../shared/routing';
import { POLL_WIDGET, POPUP_QUIZ_WIDGET } from '../widget';
import { EVENT_TYPE_OPTIONS } from './outputs';
import { CLASSROOM_STREAM } from './sources';

export const agoraClassroomTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{
				name: 'Chosen Classrooms',
				value: 'rooms',
				description:
					'Read the event history of the classrooms listed below; nothing is taken away from other readers',
			},
			{
				name: 'All Classrooms (App-Wide Queue)',
				value: 'appQueue',
				description:
					"Take the events of every classroom of the project from Agora's app-wide event queue",
			},
		],
		default: 'rooms',
	},
	{
		displayName:
			'Agora hands out each event of the app-wide queue only once: events this trigger takes are gone for any other reader of the queue (another workflow, your own backend), and "Fetch Test Event" takes events too. Use it only if nothing else reads the queue.',
		name: 'appQueueNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { source: ['appQueue'] } },
	},
	{
		displayName: 'Classroom IDs',
		name: 'roomIds',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Classroom ID' },
		// One empty entry, so the editor marks the field as required until an ID is entered.
		default: [''],
		required: true,
		placeholder: 'e.g. math-101-2026-11-22',
		description:
			'The roomUuid of each classroom to watch, exactly as it was created. A classroom that does not exist yet is waited for: its events arrive from the first one once it is created.',
		displayOptions: { show: { source: ['rooms'] } },
	},
	{
		displayName: 'Watch',
		name: 'streams',
		type: 'multiOptions',
		options: [
			{
				name: 'Classroom Events',
				value: CLASSROOM_STREAM,
				description:
					'Everything that happens in the classroom: class state, users, chat, recording, rewards, stage, hands, widgets',
			},
			{
				name: 'Pop-Up Quiz',
				value: POPUP_QUIZ_WIDGET,
				description: "The pop-up quiz widget's own event stream: quiz started, answers, quiz ended",
			},
			{
				name: 'Poll',
				value: POLL_WIDGET,
				description: "The poll widget's own event stream: poll started, votes, poll ended",
			},
		],
		default: [CLASSROOM_STREAM],
		description:
			'Which event streams of each classroom to read. A widget watched here delivers its changes from its own stream only, never twice.',
		displayOptions: { show: { source: ['rooms'] } },
	},
	{
		displayName: 'Trigger On',
		name: 'eventTypes',
		type: 'multiOptions',
		options: EVENT_TYPE_OPTIONS,
		default: [],
		description:
			'Which events start the workflow. Leave empty for all, including types Agora may add later.',
	},
	routingProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Earlier Events',
				name: 'includeExisting',
				type: 'boolean',
				default: false,
				description:
					'Whether the first poll after the workflow is published also emits the events the classrooms had before. Off: only events from then on. For Chosen Classrooms.',
			},
			{
				displayName: 'Include Raw Event',
				name: 'includeRaw',
				type: 'boolean',
				default: false,
				description: 'Whether to add the event exactly as Agora listed it under "raw"',
			},
			{
				displayName: 'One Item per User',
				name: 'oneItemPerUser',
				type: 'boolean',
				default: true,
				description:
					'Whether a "Users Joined or Left" event becomes one item per user (with the user\'s name, role and whether they joined, reconnected, left or were kicked), so the next step handles one person at a time',
			},
			{
				displayName: 'Other Widget IDs',
				name: 'otherWidgetIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. countdown, myCustomWidget',
				description:
					'Comma-separated IDs of further widgets whose own event streams to read in each classroom, as for the pop-up quiz and poll. For Chosen Classrooms.',
			},
		],
	},
];
