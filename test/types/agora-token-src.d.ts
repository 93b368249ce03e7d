// The oracle package ships types for its builders only; the tests also use its token parser.
declare module 'agora-token/src/AccessToken2' {
	export class AccessToken2 {
		constructor();
		/** A Buffer after from_string. */
		appId: Buffer;
		issueTs: number;
		expire: number;
		salt: number;
		from_string(token: string): boolean;
		verifySignature(appCertificate: string): boolean;
	}
}
