/**
 * Realistic Qingsuyun callbacks, one per documented type, shaped exactly like the examples in
 * 轻速云 事件回调. Used by `npm run send` and by the end-to-end tests.
 */
import { randomUUID } from 'node:crypto';

import { SampleError, type SamplePlatform } from './types.mjs';

import type {
	AnswerSheetBody,
	ClockFinishBody,
	CourseFinishBody,
	CoursewareFinishBody,
} from '../../nodes/Qingsuyun/payload';

export type QingsuyunSampleType =
	'answerSheet' | 'courseFinish' | 'coursewareFinish' | 'clockFinish';

export const QINGSUYUN_SAMPLE_TYPES: readonly QingsuyunSampleType[] = [
	'answerSheet',
	'courseFinish',
	'coursewareFinish',
	'clockFinish',
];

export function isQingsuyunSampleType(value: string): value is QingsuyunSampleType {
	return (QINGSUYUN_SAMPLE_TYPES as readonly string[]).includes(value);
}

export interface QingsuyunSample<Body> {
	ts: string;
	uuid: string;
	secretKey: string;
	type: string;
	callbackUrl: string;
	eventBody: Body;
}

const answerSheet: AnswerSheetBody = {
	id: 'd7453b7a9a6f4fe892d5c7895a95b5c8',
	paperId: '18081428190',
	paperName: '新员工入职考试',
	userId: 'd7453b7a9a6f4fe892d5c7895a95b5c8',
	examineeCode: 'zhanghao',
	examineeName: '张三',
	totalScore: 100,
	passScore: 60,
	realScore: 86,
	useDuration: 1260,
	judged: 1,
	startTime: 1641634772902,
	endTime: 1641634779413,
};

const courseFinish: CourseFinishBody = {
	courseId: 'b3fbfab6df73439e81f741d4ef7e5cc7',
	courseName: '安全生产培训',
	coursewareCount: 4,
	finishedCount: 4,
	finishedTime: 1664521661000,
	id: '248c84c209004b0fb0e719406a7f35e5',
	nickName: '月清疏',
	studyedDuration: 110,
	userCode: '1001',
	userId: '11bf7d9d6c9c426980d5f6e8ca163c01',
};

const coursewareFinish: CoursewareFinishBody = {
	courseCatalogId: '95fe7c9f8938415ea081221321ab8f2a',
	courseId: 'b3fbfab6df73439e81f741d4ef7e5cc7',
	courseName: '安全生产培训',
	coursewareId: 'e5931d8dc06c43f9be46900381bcdd94',
	coursewareName: '第一章 消防安全',
	finished: 1,
	finishedTime: 1664522482000,
	id: 'a0045b461b244d8685e1567b3c106cbd',
	nickName: '林黛玉',
	progress: 100,
	startTime: 1664522468000,
	studyDuration: 15,
	userCode: '1003',
	userId: '51d52d99793f407d996d40f2021f3680',
};

const clockFinish: ClockFinishBody = {
	id: '58297eb5cabb4b0d9b7720635d9ab75a',
	clockId: '9999',
	clockName: '每日一练',
	days: 1,
	examineeCode: '1002',
	examineeName: '龙葵',
	totalAmount: 1,
	wrongAmount: 1,
	startTime: 1689213152000,
	endTime: 1689213158000,
	rightRatio: '0.00%',
};

const bodies = { answerSheet, courseFinish, coursewareFinish, clockFinish };

/** `ts` as Qingsuyun writes it: Beijing wall time, no offset. */
function beijingTimestamp(at: Date): string {
	const beijing = new Date(at.getTime() + 8 * 60 * 60 * 1000);
	return beijing.toISOString().replace('T', ' ').replace('Z', '');
}

export function qingsuyunSample(
	type: QingsuyunSampleType,
	secretKey: string,
	overrides: { uuid?: string; ts?: string; callbackUrl?: string } = {},
): QingsuyunSample<AnswerSheetBody | CourseFinishBody | CoursewareFinishBody | ClockFinishBody> {
	return {
		ts: overrides.ts ?? beijingTimestamp(new Date()),
		uuid: overrides.uuid ?? randomUUID().replace(/-/g, ''),
		secretKey,
		type,
		callbackUrl: overrides.callbackUrl ?? 'https://n8n.example.com/webhook/xxxx/qingsuyun',
		eventBody: { ...bodies[type] },
	};
}

export const qingsuyunSamples: SamplePlatform = {
	events: QINGSUYUN_SAMPLE_TYPES,
	flagsUsage: '[--secret KEY]  (or QINGSUYUN_SECRET_KEY; must match the n8n credential)',
	deliveries(event, { flags }) {
		const secret = flags.secret ?? process.env.QINGSUYUN_SECRET_KEY;
		if (!secret) {
			throw new SampleError(
				'Qingsuyun needs the secret key: pass --secret KEY or set QINGSUYUN_SECRET_KEY.',
			);
		}
		const types = event === 'all' ? QINGSUYUN_SAMPLE_TYPES : [event];
		return types.map((type) => {
			if (!isQingsuyunSampleType(type)) throw new SampleError(`Unknown Qingsuyun event "${type}".`);
			return {
				label: `qingsuyun ${type}`,
				method: 'POST',
				contentType: 'application/json',
				body: JSON.stringify(qingsuyunSample(type, secret)),
			};
		});
	},
};
