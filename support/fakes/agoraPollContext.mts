/**
 * A stand-in for n8n's poll context around the Agora Classroom Trigger: parameters, the node's
 * static data (kept across polls, as n8n keeps it in the active workflow), the mode, the poll
 * budget, a logger that records warnings, and real HTTP to the fake Agora server through the
 * credential's own authenticate().
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	IPollFunctions,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { AgoraClassroomTrigger } from '../../nodes/AgoraClassroom/AgoraClassroomTrigger.node.js';
import { agoraContextBase } from './agoraContext.mjs';
import { baseMembers } from './executeContext.mjs';

export interface PollHarnessOptions {
	credentials: ICredentialDataDecryptedObject;
	parameters: IDataObject;
	/** What getPollBudgetMs answers; left out, the context has no getPollBudgetMs (as in n8n 1.x). */
	pollBudgetMs?: number;
	workflowId?: string;
}

export class PollHarness {
	readonly staticData: IDataObject = {};
	readonly warnings: string[] = [];
	mode: WorkflowExecuteMode = 'trigger';
	private readonly trigger = new AgoraClassroomTrigger();

	constructor(private readonly options: PollHarnessOptions) {}

	set parameters(parameters: IDataObject) {
		this.options.parameters = parameters;
	}

	private context(): IPollFunctions {
		const parameters = this.options.parameters;
		const context: Record<string, unknown> = {
			...baseMembers(agoraContextBase(this.options.credentials)),
			getNodeParameter: (name: string, fallback?: unknown) =>
				name in parameters ? parameters[name] : fallback,
			getWorkflowStaticData: (type: string) => {
				if (type !== 'node') throw new Error('the trigger only uses node static data');
				return this.staticData;
			},
			getMode: () => this.mode,
			getWorkflow: () => ({
				id: this.options.workflowId ?? 'wf-agora',
				name: 'Agora',
				active: true,
			}),
			logger: {
				warn: (message: string) => this.warnings.push(message),
				debug: () => undefined,
				info: () => undefined,
				error: () => undefined,
			},
		};
		if (this.options.pollBudgetMs !== undefined) {
			const budget = this.options.pollBudgetMs;
			context.getPollBudgetMs = () => budget;
		}
		return context as unknown as IPollFunctions;
	}

	/** Runs one poll as n8n would. */
	async poll(): Promise<INodeExecutionData[][] | null> {
		return await this.trigger.poll.call(this.context());
	}

	/** One poll's items on a single list (all outputs), or [] when it returned null. */
	async pollItems(): Promise<IDataObject[]> {
		const outputs = await this.poll();
		return outputs === null ? [] : outputs.flat().map((item) => item.json);
	}
}
