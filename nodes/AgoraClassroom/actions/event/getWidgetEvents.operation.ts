import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { POLL_WIDGET, POPUP_QUIZ_WIDGET } from '../../widget';
import { requiredText } from '../common.description';
import { eventListDescription, executeEventList } from './eventList';

const OTHER_WIDGET = 'other';

export const description = eventListDescription('getWidgetEvents', [
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
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return await executeEventList(this, itemIndex, (roomUuid) => {
		const widget = String(this.getNodeParameter('widget', itemIndex, POPUP_QUIZ_WIDGET));
		const widgetUuid =
			widget === OTHER_WIDGET ? requiredText(this, 'widgetUuid', itemIndex, 'Widget ID') : widget;
		return { path: ['rooms', roomUuid, 'widgets', widgetUuid, 'sequences'], eventTypes: [] };
	});
}
