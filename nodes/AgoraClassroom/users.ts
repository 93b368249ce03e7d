import type { IDataObject } from 'n8n-workflow';

import { isPrototypeKey, isRecord } from '../shared/guards';

/**
 * Agora sends a user's role as a number (1), a numeric string ("1") or a name ("host",
 * "audience"…). Items carry the role as one of these names plus its number, where it has one.
 */
const ROLE_BY_NUMBER: Readonly<Record<number, string>> = {
	0: 'invisible',
	1: 'teacher',
	2: 'student',
	3: 'assistant',
	4: 'observer',
};

const ROLE_BY_NAME: Readonly<Record<string, string>> = {
	host: 'teacher',
	teacher: 'teacher',
	audience: 'student',
	broadcaster: 'student',
	student: 'student',
	assistant: 'assistant',
	invisible: 'invisible',
	observer: 'observer',
	server: 'server',
};

export interface NormalisedRole {
	role: string;
	roleId?: number;
}

export function normaliseRole(value: unknown): NormalisedRole | undefined {
	if (typeof value === 'number' && Number.isInteger(value)) {
		const name = ROLE_BY_NUMBER[value];
		return name === undefined
			? { role: String(value), roleId: value }
			: { role: name, roleId: value };
	}
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const trimmed = value.trim();
	if (/^\d+$/.test(trimmed)) return normaliseRole(Number(trimmed));
	const name = ROLE_BY_NAME[trimmed.toLowerCase()];
	if (name === undefined) return { role: trimmed };
	const roleId = Object.entries(ROLE_BY_NUMBER).find(([, roleName]) => roleName === name)?.[0];
	return roleId === undefined ? { role: name } : { role: name, roleId: Number(roleId) };
}

/** A user object with `role` normalised (and `roleId` added); other fields as Agora sent them. */
export function normaliseUser(user: unknown): IDataObject | undefined {
	if (!isRecord(user)) return undefined;
	const normalised: IDataObject = {};
	for (const [key, value] of Object.entries(user))
		if (!isPrototypeKey(key)) normalised[key] = value;
	const role = normaliseRole(user.role);
	if (role !== undefined) {
		normalised.role = role.role;
		if (role.roleId !== undefined) normalised.roleId = role.roleId;
	}
	return normalised;
}
