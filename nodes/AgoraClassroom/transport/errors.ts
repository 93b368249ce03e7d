import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { answerHead, apiErrorOptions, withDetail, type HttpFailure } from '../../shared/apiError';

/** Agora's business codes that the hints below tell apart. */
export const AGORA_CODES = {
	roomNotFound: 20404100,
	userNotFound: 20404200,
	classAlreadyStarted: 30409100,
	classAlreadyEnded: 30409101,
	recordingNotStarted: 30409410,
	alreadyRecording: 30409411,
	classEnded: 30410100,
} as const;

/** What went wrong, as far as Agora said: the HTTP status and its own `code` and `msg`. */
export interface AgoraFailure extends HttpFailure {
	code?: number;
	msg?: string;
}

/** What to do about a failed call, in plain words. */
export function agoraErrorHint({ status, code }: AgoraFailure): string {
	switch (code) {
		case AGORA_CODES.roomNotFound:
			return "The classroom does not exist in this region: check the room ID and the credential's region (it must be the region the classroom was created in). Agora also destroys a classroom about an hour after the class ends.";
		case AGORA_CODES.userNotFound:
			return 'No user with this ID is in the classroom: check the user ID.';
		case AGORA_CODES.classAlreadyStarted:
			return 'The class has already started, so it cannot be started again.';
		case AGORA_CODES.classAlreadyEnded:
			return 'The class has already ended; an ended class cannot change back.';
		case AGORA_CODES.recordingNotStarted:
			return 'The classroom is not being recorded, so there is nothing to stop, pause or resume.';
		case AGORA_CODES.alreadyRecording:
			return 'The classroom is already being recorded.';
		case AGORA_CODES.classEnded:
			return 'The class has ended, so the classroom no longer accepts this change.';
		default:
			break;
	}
	if (status === 0)
		return 'Agora could not be reached: check the domain in the credential and the network.';
	if (status === 400) return 'Agora refused a parameter: check the IDs and values sent.';
	if (status === 401)
		return 'Agora rejected the token: check that the App ID and App Certificate belong to the same project and that the certificate is enabled.';
	if (status === 403)
		return 'Agora refused access: check that Flexible Classroom is enabled for this project.';
	if (status === 404)
		return "Agora does not know this address or object: check the IDs and the credential's region and domain.";
	if (status === 409) return "The request conflicts with the classroom's current state.";
	if (status === 410) return 'The class has ended.';
	if (status === 429)
		return 'Agora is rate limiting these requests: wait a little and try again, or poll less often.';
	if (status >= 500) return 'Agora had a temporary problem: try again shortly.';
	return 'Agora did not accept the request.';
}

export function agoraErrorMessage({ status, code, msg }: AgoraFailure): string {
	const parts = [answerHead('Agora', { status })];
	if (code !== undefined) parts.push(`code ${code}`);
	return withDetail(parts.join(', '), msg);
}

/** A NodeApiError that keeps Agora's status and code, so callers (the trigger) can tell failures apart. */
export class AgoraApiError extends NodeApiError {
	readonly agora: AgoraFailure;

	constructor(node: INode, failure: AgoraFailure, response: JsonObject) {
		super(node, response, apiErrorOptions(failure, agoraErrorMessage, agoraErrorHint));
		this.agora = failure;
	}
}

export function isAgoraApiError(error: unknown): error is AgoraApiError {
	return error instanceof AgoraApiError;
}
