import type { INodeProperties } from 'n8n-workflow';

import { routingPropertyPer } from '../shared/routing';
import {
	includeRawOption,
	triggerOptionsProperty,
	unrecognizedRequestsOption,
} from '../shared/webhook/options';
import { rawBodySwitchProperty } from '../shared/webhook/rawBody';
import { COPY_PRODUCTION_URL, PUBLISH_TO_LISTEN } from '../shared/webhook/setupNotice';
import { tokenUrlNotice, webhookAuthenticationProperty } from '../shared/webhookToken';
import { DEFAULT_DEDUPE_WINDOW_MINUTES } from './adapter';
import { TEACHBASE_EVENT_ACTIONS, TEACHBASE_WEBHOOK_TYPES } from './events';

export const teachbaseTriggerProperties: INodeProperties[] = [
	{
		displayName: `Teachbase switches webhooks on through its support team. ${COPY_PRODUCTION_URL}, then e-mail help@teachbase.ru with it, the webhook types (CourseStat, SectionStat, QuizStat, TaskStat, ScormStat, MaterialStat) and the courses or objects they should cover (or all). ${PUBLISH_TO_LISTEN}`,
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	webhookAuthenticationProperty,
	tokenUrlNotice('teachbase', 'the Production URL you send to Teachbase support'),
	{
		displayName: 'Trigger On',
		name: 'types',
		type: 'multiOptions',
		options: TEACHBASE_WEBHOOK_TYPES.map((webhookType) => ({
			name: webhookType.name,
			value: webhookType.type,
			description: webhookType.description,
			action: webhookType.action,
		})),
		default: [],
		description:
			"Which of Teachbase's webhook types start the workflow. Leave empty for all, including types Teachbase may add later. Others are still answered with 200, so Teachbase does not retry them.",
	},
	{
		displayName: 'Created or Updated',
		name: 'events',
		type: 'multiOptions',
		options: TEACHBASE_EVENT_ACTIONS.map((action) => ({ name: action.name, value: action.value })),
		default: [],
		description:
			'Teachbase reports a new record as created (a user enrolled in a course, a quiz started) and every later change as updated (progress, a result, a completion). Leave empty for both.',
	},
	routingPropertyPer('Webhook Type'),
	triggerOptionsProperty([
		{
			displayName: 'Deduplicate Retries',
			name: 'deduplicate',
			type: 'boolean',
			default: true,
			description:
				'Whether a body identical to one received within the retry window starts no second execution. Teachbase re-sends a webhook up to 5 times within 2 minutes when it gets no 200 in time.',
		},
		{
			displayName: 'Retry Window (Minutes)',
			name: 'dedupeWindowMinutes',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1440 },
			default: DEFAULT_DEDUPE_WINDOW_MINUTES,
			description: 'How long an identical body counts as a retry',
			displayOptions: { show: { deduplicate: [true] } },
		},
		includeRawOption('Whether to add the webhook body exactly as received under "raw"'),
		unrecognizedRequestsOption({
			emit: 'Requests that cannot be decoded start the workflow with "unrecognized: true" and their raw body',
			discardName: 'Discard (Still Answer 200)',
			discard: 'Answer 200 as Teachbase requires, but do not start the workflow',
		}),
	]),
	rawBodySwitchProperty,
];
