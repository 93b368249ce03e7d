import type { INodeProperties } from 'n8n-workflow';

import { routingProperty } from '../shared/routing';
import {
	includeRawOption,
	triggerOptionsProperty,
	unrecognizedRequestsOption,
} from '../shared/webhook/options';
import { rawBodySwitchProperty } from '../shared/webhook/rawBody';
import { COPY_PRODUCTION_URL, PUBLISH_TO_LISTEN } from '../shared/webhook/setupNotice';
import { QINGSUYUN_EVENT_TYPES } from './events';

export const qingsuyunTriggerProperties: INodeProperties[] = [
	{
		displayName: `${COPY_PRODUCTION_URL} into Qingsuyun: 管理中心 → 系统设置 → 开放平台设置 → 回调URL. Switch callbacks on for each paper (试卷设置 → 考试后 → 启用回调), course (课程设置 → 其他设置 → 启用回调) or check-in task (打卡设置). ${PUBLISH_TO_LISTEN}`,
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		options: QINGSUYUN_EVENT_TYPES.map((eventType) => ({
			name: eventType.name,
			value: eventType.type,
			description: eventType.description,
			action: eventType.action,
		})),
		default: [],
		description:
			'Which events start the workflow. Leave empty for all, including types Qingsuyun may add later. Other events are still acknowledged, so Qingsuyun does not retry them.',
	},
	routingProperty,
	triggerOptionsProperty([
		includeRawOption(
			'Whether to add the callback exactly as received under "raw" (without the secret key and callback URL)',
		),
		unrecognizedRequestsOption({
			emit: 'Requests with the right secret key that cannot be decoded start the workflow with "unrecognized: true" and their raw body',
			discardName: 'Reject (HTTP 400)',
			discard:
				'Answer such requests with HTTP 400 so Qingsuyun records the delivery as failed; the workflow does not start',
		}),
	]),
	rawBodySwitchProperty,
];
