// The scanner ships plain ESM without types; only the offline part of its API is used here.
declare module '@n8n/scan-community-package/scanner/scanner.mjs' {
	/** Globs the scanner lints in the attested source checkout. */
	export const SOURCE_FILE_PATTERNS: string[];
	/** Lints `packageDir` with n8n's verification rules; the result shape is checked by the caller. */
	export function analyzePackage(packageDir: string, filePatterns?: string[]): Promise<unknown>;
}
