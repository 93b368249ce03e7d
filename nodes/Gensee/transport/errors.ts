import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { answerHead, apiErrorOptions, withDetail, type HttpFailure } from '../../shared/apiError';

/** Gensee's result codes (a JSON string in every answer; "0" is success). */
export const GENSEE_CODES: Readonly<Record<string, string>> = {
	'0': 'success',
	'-1': 'failure',
	'101': 'parameter error',
	'102': 'parameter conversion error',
	'200': 'authentication failed',
	'201': 'token or password expired',
	'300': 'system error',
	'500': 'business error',
	'501': 'data does not exist',
	'502': 'duplicate data',
	'600': 'this API is disabled',
};

/** What went wrong: the HTTP status, and Gensee's own code and message when it sent them. */
export interface GenseeFailure extends HttpFailure {
	code?: string;
	message?: string;
	/** The endpoint, e.g. `export/history`, without the site or any parameter. */
	endpoint: string;
}

/** What to do about a failed call, in plain words. */
export function genseeErrorHint({ status, code }: GenseeFailure): string {
	switch (code) {
		case '200':
			return "Gensee did not accept the login name and password: check them, and check the password mode (the credential's Send Password As: Plain or MD5 Hash) against the site's integration settings. The account needs the right role: an admin or organiser for rooms and webcasts, a teacher for exports.";
		case '201':
			return 'Gensee says the password or token has expired: set a new password for the account and update the credential.';
		case '600':
			return 'This Gensee API is switched off for the site: ask the site admin (or Gensee support) to enable the integration API.';
		case '101':
		case '102':
			return 'Gensee refused a parameter: check the IDs, the times (a window may span at most 7 days) and the lengths of tokens and names.';
		case '501':
			return 'Gensee has no such room or webcast: check the ID, and that the credential points at the right site (training or webcast).';
		case '502':
			return 'Gensee already has this: room and webcast subjects must be unique on the site.';
		case '300':
			return 'Gensee had a system error: try again shortly.';
		case '500':
		case '-1':
			return 'Gensee could not do this; its message may say why.';
		default:
			break;
	}
	if (status === 0)
		return 'Gensee could not be reached: check the site address in the credential and the network. If the site does not answer over https, write its address with http://.';
	if (status === 404)
		return "Gensee has no such address: check the site address and the credential's site kind (training or webcast).";
	if (status >= 500) return 'Gensee had a temporary problem: try again shortly.';
	if (status >= 200 && status < 300)
		return "The answer is not Gensee's JSON: check the site address (it should be the site the integration API runs on).";
	return 'Gensee did not accept the request.';
}

function genseeAnswerHead({ status, code }: GenseeFailure): string {
	if (code !== undefined) {
		const meaning = GENSEE_CODES[code];
		return `Gensee answered code ${code}${meaning === undefined ? '' : ` (${meaning})`}`;
	}
	if (status >= 200 && status < 300) return 'Gensee answered something other than its JSON';
	return answerHead('Gensee', { status });
}

export function genseeErrorMessage(failure: GenseeFailure): string {
	return withDetail(`${genseeAnswerHead(failure)} to ${failure.endpoint}`, failure.message);
}

/** A NodeApiError that keeps Gensee's status and code. */
export class GenseeApiError extends NodeApiError {
	readonly gensee: GenseeFailure;

	constructor(node: INode, failure: GenseeFailure, response: JsonObject) {
		super(node, response, apiErrorOptions(failure, genseeErrorMessage, genseeErrorHint));
		this.gensee = failure;
	}
}
