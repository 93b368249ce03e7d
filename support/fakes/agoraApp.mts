/** The Agora project the tests use: the fake server accepts tokens signed for it and nothing else. */
export const APP_ID = '0123456789abcdef0123456789abcdef';
export const CERTIFICATE = 'fedcba9876543210fedcba9876543210';
/** Well-formed, but not the project's certificate: Agora answers 401. */
export const WRONG_CERTIFICATE = 'abcdefabcdefabcdefabcdefabcdef00';

/** The placeholders of support/fixtures/agoraTrigger.credentials.json. */
export function agoraCredentialSubstitutions(agoraUrl: string): Record<string, string> {
	return {
		AGORA_URL: agoraUrl,
		AGORA_APP_ID: APP_ID,
		AGORA_CERTIFICATE: CERTIFICATE,
		AGORA_WRONG_CERTIFICATE: WRONG_CERTIFICATE,
	};
}
