import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { isRecord, stringList } from '../../shared/guards';
import { isRouting, type Routing } from '../../shared/routing';
import { entryList } from '../entryList';
import type { WatchSettings } from './sources';

export type TriggerSource = 'rooms' | 'appQueue';

export interface TriggerSettings extends WatchSettings {
	source: TriggerSource;
	/** Chosen event types (`cmd` as text, or `roomGone`); empty means all. */
	eventTypes: string[];
	routing: Routing;
	includeExisting: boolean;
	oneItemPerUser: boolean;
	includeRaw: boolean;
}

export function readTriggerSettings(context: IPollFunctions): TriggerSettings {
	const source = context.getNodeParameter('source', 'rooms') === 'appQueue' ? 'appQueue' : 'rooms';
	const options = context.getNodeParameter('options', {});
	const option: IDataObject = isRecord(options) ? options : {};
	const routing = context.getNodeParameter('routing', 'single');
	return {
		source,
		roomIds: source === 'rooms' ? entryList(context.getNodeParameter('roomIds', [])) : [],
		streams: source === 'rooms' ? stringList(context.getNodeParameter('streams', [])) : [],
		otherWidgetIds: source === 'rooms' ? entryList(option.otherWidgetIds) : [],
		eventTypes: stringList(context.getNodeParameter('eventTypes', [])),
		routing: isRouting(routing) ? routing : 'single',
		includeExisting: option.includeExisting === true,
		oneItemPerUser: option.oneItemPerUser !== false,
		includeRaw: option.includeRaw === true,
	};
}
