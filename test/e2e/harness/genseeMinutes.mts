import type { Row } from '../../../support/dataTables.mjs';

export interface ExpectedAttendee {
	minutes: number;
	sessions: number;
	stillInAtStop: boolean;
}

/**
 * What the joins (101) and leaves (107, 110) of one live session imply, stay by stay: each join
 * opens a stay, the next leave closes it, a stay still open at the stop (105) ends there.
 * Minutes with one decimal. Written independently of the recipe's sums, as the oracle.
 */
export function expectedGenseeMinutes(
	rows: readonly Row[],
	stoppedAtMs: number,
): Record<string, ExpectedAttendee> {
	const byUser = new Map<string, Array<{ action: number; atMs: number }>>();
	for (const row of rows) {
		const list = byUser.get(String(row.userId)) ?? [];
		list.push({ action: Number(row.action), atMs: Number(row.atMs) });
		byUser.set(String(row.userId), list);
	}
	const result: Record<string, ExpectedAttendee> = {};
	for (const [userId, calls] of byUser) {
		calls.sort((a, b) => a.atMs - b.atMs);
		let openSince: number | undefined;
		let totalMs = 0;
		let sessions = 0;
		for (const call of calls) {
			if (call.action === 101) {
				sessions++;
				openSince = call.atMs;
			} else if (openSince !== undefined) {
				totalMs += call.atMs - openSince;
				openSince = undefined;
			}
		}
		if (openSince !== undefined) totalMs += stoppedAtMs - openSince;
		result[userId] = {
			minutes: Math.round(totalMs / 6000) / 10,
			sessions,
			stillInAtStop: openSince !== undefined,
		};
	}
	return result;
}
