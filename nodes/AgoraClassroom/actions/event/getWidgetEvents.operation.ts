import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { POLL_WIDGET, POPUP_QUIZ_WIDGET } from '../../widget';
import {
	limitProperty,
	requiredText,
	returnAllProperty,
	roomUuidProperty,
} from '../common.description';
import { eventOptionsProperty, readEventOptions } from './options';
import { readEvents } from './readEvents';

const OTHER_WIDGET = 'other';

const properties: INodeProperties[] = [
	roomUuidProperty,
	{
		displayName: 'Widget',
		name: 'widget',
		type: 'options',
		options: [
			{ name: 'Pop-Up Quiz', value: POPUP_QUIZ_WIDGET },
			{ name: 'Poll', value: POLL_WIDGET },
			{ name: 'Other Widget', value: OTHER_WIDGET },
		],
		default: POPUP_QUIZ_WIDGET,
	},
	{
		displayName: 'Widget ID',
		name: 'widgetUuid',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. countdown',
		description: 'The widgetUuid of the widget',
		displayOptions: { show: { widget: [OTHER_WIDGET] } },
	},
	returnAllProperty,
	limitProperty,
	eventOptionsProperty,
];

const displayOptions = { show: { resource: ['event'], operation: ['getWidgetEvents'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const roomUuid = requiredText(this, 'roomUuid', itemIndex, 'Classroom ID');
	const widget = String(this.getNodeParameter('widget', itemIndex, POPUP_QUIZ_WIDGET));
	const widgetUuid =
		widget === OTHER_WIDGET ? requiredText(this, 'widgetUuid', itemIndex, 'Widget ID') : widget;
	return await readEvents(this, {
		path: ['rooms', roomUuid, 'widgets', widgetUuid, 'sequences'],
		cmds: [],
		returnAll: this.getNodeParameter('returnAll', itemIndex, false) === true,
		limit: Number(this.getNodeParameter('limit', itemIndex, 50)),
		...readEventOptions(this, itemIndex),
	});
}
