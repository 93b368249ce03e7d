import type { IDataObject } from 'n8n-workflow';

import type { JsonRecord } from '../../shared/guards';
import { isoInZone, millisOf, withGenseeIsoTimes } from './times';

/** The common integration convention: a site user joins as uid = site user id + 1,000,000,000. */
export const SITE_UID_OFFSET = 1_000_000_000;

export interface AttendanceContext {
	roomId: string;
	zone: string;
	/** Add `siteUserId` (uid − 1,000,000,000 for uids in [1e9, 2e9), else null). */
	siteUserIds: boolean;
}

/** One visit as the node reads it from an export/history record. */
export interface Visit {
	uid: string | null;
	userName: string;
	joined?: number;
	left?: number;
	record: JsonRecord;
}

/** Gensee's uid as text (uids may exceed 2^31 and some copies send text); null when missing. */
export function uidText(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	return null;
}

export function siteUserId(uid: string | null): number | null {
	if (uid === null || !/^\d+$/.test(uid)) return null;
	const value = Number(uid);
	return value >= SITE_UID_OFFSET && value < 2 * SITE_UID_OFFSET ? value - SITE_UID_OFFSET : null;
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export function readVisit(record: JsonRecord): Visit {
	return {
		uid: uidText(record.uid),
		userName: text(record.nickname) || text(record.name),
		joined: millisOf(record.joinTime),
		left: millisOf(record.leaveTime),
		record,
	};
}

function minutes(millis: number): number {
	return Math.round(millis / 6000) / 10;
}

function visitMillis(visit: Visit): number {
	return visit.joined !== undefined && visit.left !== undefined
		? Math.max(0, visit.left - visit.joined)
		: 0;
}

function iso(millis: number | undefined, zone: string): string | null {
	return millis === undefined ? null : isoInZone(millis, zone);
}

function identity(visit: Visit, context: AttendanceContext): IDataObject {
	return context.siteUserIds
		? { uid: visit.uid, siteUserId: siteUserId(visit.uid) }
		: { uid: visit.uid };
}

function byJoin(a: Visit, b: Visit): number {
	return (a.joined ?? Number.MAX_SAFE_INTEGER) - (b.joined ?? Number.MAX_SAFE_INTEGER);
}

/** One item per visit, by join time: Gensee's own fields, their ISO twins, and the node's reading. */
export function visitItems(
	records: readonly JsonRecord[],
	context: AttendanceContext,
): IDataObject[] {
	return records
		.map(readVisit)
		.sort(byJoin)
		.map((visit) => ({
			...withGenseeIsoTimes(visit.record, context.zone),
			roomId: context.roomId,
			...identity(visit, context),
			userName: visit.userName,
			joinedAt: iso(visit.joined, context.zone),
			leftAt: iso(visit.left, context.zone),
			minutesPresent: minutes(visitMillis(visit)),
		}));
}

/**
 * One item per attendee (by uid; by name when Gensee sent no uid), ordered by first join: visits
 * and minutes present added up, in the shape of Agora Classroom's Get Attendance where the fields
 * match. A visit without a leave time counts no minutes and marks the attendee `stillInside`.
 */
export function attendeeItems(
	records: readonly JsonRecord[],
	context: AttendanceContext,
): IDataObject[] {
	const people = new Map<string, Visit[]>();
	for (const visit of records.map(readVisit).sort(byJoin)) {
		const key = visit.uid !== null ? `uid:${visit.uid}` : `name:${visit.userName}`;
		const visits = people.get(key);
		if (visits === undefined) people.set(key, [visit]);
		else visits.push(visit);
	}
	return [...people.values()].map((visits) => {
		const [first] = visits;
		const lefts = visits.flatMap((visit) => (visit.left === undefined ? [] : [visit.left]));
		const stillInside = visits.some((visit) => visit.left === undefined);
		const total = visits.reduce((sum, visit) => sum + visitMillis(visit), 0);
		return {
			roomId: context.roomId,
			...identity(first, context),
			userName: visits.map((visit) => visit.userName).find((name) => name !== '') ?? '',
			firstJoinedAt: iso(first.joined, context.zone),
			lastLeftAt: stillInside || lefts.length === 0 ? null : iso(Math.max(...lefts), context.zone),
			sessions: visits.length,
			minutesPresent: minutes(total),
			stillInside,
			visits: visits.map((visit) => ({
				joinedAt: iso(visit.joined, context.zone),
				leftAt: iso(visit.left, context.zone),
				minutesPresent: minutes(visitMillis(visit)),
				ip: text(visit.record.ip) || null,
				area: text(visit.record.area) || null,
				device: visit.record.device ?? null,
			})),
		};
	});
}
