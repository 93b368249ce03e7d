import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

function isOption(value: unknown): value is INodePropertyOptions {
	return typeof value === 'object' && value !== null && 'value' in value && 'name' in value;
}

/**
 * The canvas subtitle: the chosen operation's action ("Start a class"), looked up by
 * "resource:operation" in a map written into the expression, instead of the raw values.
 */
export function operationSubtitle(properties: readonly INodeProperties[]): `={{${string}}}` {
	const actions: Record<string, string> = {};
	for (const property of properties) {
		const resources = property.displayOptions?.show?.resource;
		if (property.name !== 'operation' || !Array.isArray(resources)) continue;
		for (const option of property.options ?? []) {
			if (!isOption(option)) continue;
			for (const resource of resources) {
				actions[`${String(resource)}:${String(option.value)}`] = option.action ?? option.name;
			}
		}
	}
	return `={{ (${JSON.stringify(actions)})[$parameter.resource + ":" + $parameter.operation] || $parameter.operation }}`;
}
