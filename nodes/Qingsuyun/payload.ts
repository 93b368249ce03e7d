import { isNonEmptyString, isRecord, parseJsonRecord, type JsonRecord } from '../shared/guards';
import { notRecognized } from '../shared/webhook/notRecognized';
import type { ReadResult } from '../shared/webhook/pipeline';
import type { ReceivedRequest } from '../shared/webhook/request';

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

/** A callback as read from a request, with the whole body it came in. */
export interface QingsuyunEvent {
	callback: QingsuyunCallback;
	payload: JsonRecord;
}

// Salvages the key from a body that is not valid JSON (truncated, or sent with a stray prefix),
// so that a flagged request from Qingsuyun can still be told apart from an outsider's.
const SECRET_IN_TEXT = /"secretKey"\s*:\s*"([^"\\]*)"/;

/** The body as an object: JSON (any content type), or form fields whose eventBody holds JSON. */
function callbackBody(request: ReceivedRequest): JsonRecord | undefined {
	if (request.json) return request.json;
	const form = request.form;
	if (!form || Object.keys(form).length === 0) return undefined;
	const eventBody = form.eventBody;
	return eventBody === undefined
		? { ...form }
		: { ...form, eventBody: parseJsonRecord(eventBody) ?? eventBody };
}

/** The secret key the request presents, also from a body too broken to read as a callback. */
export function presentedSecretKey(request: ReceivedRequest): string | undefined {
	const body = callbackBody(request);
	if (body) return typeof body.secretKey === 'string' ? body.secretKey : undefined;
	return SECRET_IN_TEXT.exec(request.text)?.[1];
}

export function readCallback(request: ReceivedRequest): ReadResult<QingsuyunEvent> {
	const body = callbackBody(request);
	if (!body) {
		return notRecognized(request, 'The body is not a JSON object');
	}

	const { type, eventBody } = body;
	if (!isNonEmptyString(type))
		return { recognized: false, problem: 'The body has no "type" field' };
	if (!isRecord(eventBody))
		return { recognized: false, problem: 'The body has no "eventBody" object' };

	return {
		recognized: true,
		event: {
			callback: {
				ts: typeof body.ts === 'string' ? body.ts : undefined,
				uuid: isNonEmptyString(body.uuid) ? body.uuid : undefined,
				secretKey: typeof body.secretKey === 'string' ? body.secretKey : undefined,
				type,
				callbackUrl: typeof body.callbackUrl === 'string' ? body.callbackUrl : undefined,
				eventBody,
			},
			payload: body,
		},
	};
}

export function isCollectedField(value: unknown): value is CollectedField {
	return isRecord(value) && typeof value.fieldName === 'string' && 'answerContent' in value;
}
