/**
 * Runs n8n's verification scanner (`@n8n/scan-community-package`) offline, the way n8n's own
 * verification does after it has fetched the attested source and the published tarball.
 */
import { createRequire } from 'node:module';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

export { SOURCE_FILE_PATTERNS };

/** What the scanner lints in the published tarball (see `analyzePackageByName` in the scanner). */
export const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

export interface ScanResult {
	passed: boolean;
	message: string;
	/** ESLint's "stylish" report: file, line:column, message and rule of every finding. */
	details: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null;
}

function toScanResult(value: unknown): ScanResult {
	if (!isRecord(value) || typeof value.passed !== 'boolean') {
		return { passed: false, message: 'the scanner returned no verdict', details: '' };
	}
	const message = typeof value.message === 'string' ? value.message : '';
	const details = typeof value.details === 'string' ? value.details : '';
	// The scanner passes a folder with nothing to lint; for this package that means a broken layout.
	if (value.passed && message === 'No files found to analyze') {
		return { passed: false, message: 'no files matched the scanner patterns', details: '' };
	}
	return { passed: value.passed, message, details };
}

let cleanupRegistered = false;

/** The scanner creates a temp folder when it loads; let its `tmp` remove it at exit. */
function removeScannerTempFolderAtExit(): void {
	if (cleanupRegistered) return;
	cleanupRegistered = true;
	const scannerRequire = createRequire(scannerEntry());
	const tmp: unknown = scannerRequire('tmp');
	if (isRecord(tmp) && typeof tmp.setGracefulCleanup === 'function') tmp.setGracefulCleanup();
}

function scannerEntry(): string {
	return createRequire(import.meta.url).resolve('@n8n/scan-community-package/scanner/scanner.mjs');
}

export async function scan(directory: string, patterns: string[]): Promise<ScanResult> {
	removeScannerTempFolderAtExit();
	const result = toScanResult(await analyzePackage(directory, patterns));
	// The report names files by absolute path; the folder is a temporary one for the tarball.
	return { ...result, details: result.details.split(directory + '/').join('') };
}
