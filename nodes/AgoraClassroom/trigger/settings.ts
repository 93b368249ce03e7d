import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { isRecord, stringList } from '../../shared/guards';
import { isRouting, type Routing } from '../../shared/routing';
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

/** A list parameter that may come as a list or as one comma- or line-separated text (from an expression). */
function idList(value: unknown): string[] {
	const entries = typeof value === 'string' ? value.split(/[,\n]/) : stringList(value);
	return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

export function readTriggerSettings(context: IPollFunctions): TriggerSettings {
	const source = context.getNodeParameter('source', 'rooms') === 'appQueue' ? 'appQueue' : 'rooms';
	const options = context.getNodeParameter('options', {});
	const option: IDataObject = isRecord(options) ? options : {};
	const routing = context.getNodeParameter('routing', 'single');
	return {
		source,
		roomIds: source === 'rooms' ? idList(context.getNodeParameter('roomIds', [])) : [],
		streams: source === 'rooms' ? stringList(context.getNodeParameter('streams', [])) : [],
		otherWidgetIds: source === 'rooms' ? idList(option.otherWidgetIds) : [],
		eventTypes: stringList(context.getNodeParameter('eventTypes', [])),
		routing: isRouting(routing) ? routing : 'single',
		includeExisting: option.includeExisting === true,
		oneItemPerUser: option.oneItemPerUser !== false,
		includeRaw: option.includeRaw === true,
	};
}
