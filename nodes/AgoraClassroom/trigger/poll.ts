import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { takeFromAppQueue } from './appQueuePoll';
import { pollReadBudgetMs, runExclusively } from './budget';
import { sampleNewestEvents } from './manualSample';
import { routeAgoraItems } from './outputs';
import { failureSummary, pollRooms } from './roomPoll';
import { readTriggerSettings, type TriggerSettings } from './settings';
import { watchedSources } from './sources';

function nothingYet(context: IPollFunctions, where: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `No events yet ${where}`, {
		description:
			'Start a class (or wait for one) and fetch again. Events matching the chosen event types are shown here.',
	});
}

async function pollAppQueue(
	context: IPollFunctions,
	settings: TriggerSettings,
	deadline: number,
): Promise<INodeExecutionData[][] | null> {
	const manual = context.getMode() === 'manual';
	const read = await takeFromAppQueue(context, settings, deadline, manual ? 1 : undefined);
	if (read.error !== undefined) {
		if (read.items.length === 0) throw read.error;
		context.logger.warn(
			`Agora Classroom Trigger: the app-wide queue failed after some events were taken; those are emitted, the rest waits for the next poll: ${String(read.error)}`,
		);
	}
	if (read.items.length === 0) {
		if (manual) throw nothingYet(context, 'in the app-wide queue');
		return null;
	}
	return routeAgoraItems(read.items, settings.routing);
}

/**
 * One poll of the Agora Classroom Trigger. New events of every watched source are emitted in
 * order; a source that keeps failing after retries leaves its cursor alone, and fails the poll
 * only when no other source has anything to deliver (so one broken classroom does not hold the
 * others back, and a lasting problem still shows as a failed poll).
 */
export async function pollAgoraClassroom(
	context: IPollFunctions,
): Promise<INodeExecutionData[][] | null> {
	const settings = readTriggerSettings(context);
	const deadline = Date.now() + pollReadBudgetMs(context);
	if (settings.source === 'appQueue') return await pollAppQueue(context, settings, deadline);

	const sources = watchedSources(settings);
	if (sources.length === 0) {
		throw new NodeOperationError(context.getNode(), 'Nothing to watch', {
			description: 'Add at least one classroom ID and choose at least one stream under "Watch".',
		});
	}
	const staticData = context.getWorkflowStaticData('node');

	if (context.getMode() === 'manual') {
		const sample = await sampleNewestEvents(context, sources, settings, staticData, deadline);
		if (sample.items.length > 0) return routeAgoraItems(sample.items, settings.routing);
		if (sample.errors.length > 0) throw sample.errors[0];
		throw nothingYet(context, 'in the watched classrooms');
	}

	const pollKey = `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	const result = await runExclusively(
		pollKey,
		async () => await pollRooms(context, sources, settings, staticData, deadline),
	);
	if (result === null) return null;
	if (result.failures.length > 0) {
		if (result.items.length === 0) throw result.failures[0].error;
		context.logger.warn(
			`Agora Classroom Trigger: emitting the other classrooms' events; will read again next poll: ${failureSummary(result.failures)}`,
		);
	}
	return result.items.length === 0 ? null : routeAgoraItems(result.items, settings.routing);
}
