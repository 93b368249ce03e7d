import { isNonEmptyString, isRecord, parseJsonRecord, type JsonRecord } from '../shared/guards';

/** The callback envelope, as documented in 轻速云 事件回调. */
export interface QingsuyunCallback {
	/** When Qingsuyun sent the event, Beijing wall time: "2022-01-08 17:39:42.388". */
	ts?: string;
	/** Unique event id; a retried delivery repeats it. */
	uuid?: string;
	/** The tenant's signing key (管理端 系统资料 → 密钥), sent in clear. */
	secretKey?: string;
	type: string;
	callbackUrl?: string;
	eventBody: JsonRecord;
}

/** `answerSheet`: an exam paper was handed in. Times are epoch milliseconds, durations seconds. */
export interface AnswerSheetBody {
	id: string;
	paperId: string;
	paperName: string;
	userId: string;
	examineeCode: string;
	examineeName: string;
	totalScore: number;
	passScore: number;
	realScore: number;
	useDuration: number;
	/** 1 = marked; null or 0 = waiting for manual marking. */
	judged: number | null;
	startTime: number;
	endTime: number;
}

/** `courseFinish`: a learner completed a course. */
export interface CourseFinishBody {
	id: string;
	courseId: string;
	courseName: string;
	coursewareCount: number;
	finishedCount: number;
	finishedTime: number;
	nickName: string;
	studyedDuration: number;
	userCode: string;
	userId: string;
}

/** `coursewareFinish`: a learner completed one courseware item. */
export interface CoursewareFinishBody {
	id: string;
	courseCatalogId: string;
	courseId: string;
	courseName: string;
	coursewareId: string;
	coursewareName: string;
	finished: number;
	finishedTime: number;
	nickName: string;
	progress: number;
	startTime: number;
	studyDuration: number;
	userCode: string;
	userId: string;
}

/** `clockFinish`: a learner completed a check-in (打卡) task. */
export interface ClockFinishBody {
	id: string;
	clockId: string;
	clockName: string;
	days: number;
	examineeCode: string;
	examineeName: string;
	totalAmount: number;
	wrongAmount: number;
	startTime: number;
	endTime: number;
	/** A percentage string such as "0.00%". */
	rightRatio: string;
}

/** One item of the information a public paper collects (采集信息). */
export interface CollectedField {
	fieldName: string;
	answerContent: JsonRecord[string];
	fieldType?: JsonRecord[string];
	sortIndex?: JsonRecord[string];
}

export type CallbackReadResult =
	| { recognized: true; callback: QingsuyunCallback; payload: JsonRecord }
	| { recognized: false; problem: string; presentedSecret?: string };

// Salvages the key from a body that is not valid JSON (truncated, or sent with a stray prefix),
// so that a flagged request from Qingsuyun can still be told apart from an outsider's.
const SECRET_IN_TEXT = /"secretKey"\s*:\s*"([^"\\]*)"/;

function bodyObject(rawText: string, parsedBody: unknown): JsonRecord | undefined {
	const fromRaw = parseJsonRecord(rawText);
	if (fromRaw) return fromRaw;
	// A form-encoded body arrives already parsed by n8n; its eventBody field holds JSON text.
	if (isRecord(parsedBody) && Object.keys(parsedBody).length > 0) {
		const eventBody = parsedBody.eventBody;
		return typeof eventBody === 'string'
			? { ...parsedBody, eventBody: parseJsonRecord(eventBody) ?? eventBody }
			: parsedBody;
	}
	return undefined;
}

/** Reads a callback from the raw body (any content type) or n8n's parsed body. */
export function readCallback(rawText: string, parsedBody: unknown): CallbackReadResult {
	const body = bodyObject(rawText, parsedBody);
	if (!body) {
		return {
			recognized: false,
			problem:
				rawText.trim().length === 0
					? 'The request has an empty body'
					: 'The body is not a JSON object',
			presentedSecret: SECRET_IN_TEXT.exec(rawText)?.[1],
		};
	}

	const presentedSecret = typeof body.secretKey === 'string' ? body.secretKey : undefined;
	const { type, eventBody } = body;
	if (!isNonEmptyString(type)) {
		return { recognized: false, problem: 'The body has no "type" field', presentedSecret };
	}
	if (!isRecord(eventBody)) {
		return { recognized: false, problem: 'The body has no "eventBody" object', presentedSecret };
	}

	return {
		recognized: true,
		callback: {
			ts: typeof body.ts === 'string' ? body.ts : undefined,
			uuid: isNonEmptyString(body.uuid) ? body.uuid : undefined,
			secretKey: presentedSecret,
			type,
			callbackUrl: typeof body.callbackUrl === 'string' ? body.callbackUrl : undefined,
			eventBody,
		},
		payload: body,
	};
}

export function isCollectedField(value: unknown): value is CollectedField {
	return isRecord(value) && typeof value.fieldName === 'string' && 'answerContent' in value;
}
