import { createHash } from 'node:crypto';

import type { GenseeCredentials } from './credentials';

/**
 * What Gensee takes with every call: the login name and the password, or, in MD5 mode, the
 * lowercase hex MD5 of the password with `sec=true`.
 */
export function authParameters(
	credentials: Pick<GenseeCredentials, 'loginName' | 'password' | 'md5'>,
): Record<string, string> {
	if (!credentials.md5) return { loginName: credentials.loginName, password: credentials.password };
	return {
		loginName: credentials.loginName,
		password: createHash('md5').update(credentials.password, 'utf8').digest('hex'),
		sec: 'true',
	};
}
