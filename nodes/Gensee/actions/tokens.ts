import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Join passwords ("tokens") as Gensee takes them: 6–15 characters, and the ones that are set
 * must all differ (each tells Gensee which role joins). Checked here so the error names the field.
 */
export function checkTokens(
	context: IExecuteFunctions,
	tokens: Record<string, string | undefined>,
	itemIndex: number,
): void {
	const seen = new Map<string, string>();
	for (const [label, token] of Object.entries(tokens)) {
		if (token === undefined || token === '') continue;
		if (token.length < 6 || token.length > 15) {
			throw new NodeOperationError(context.getNode(), `${label} must be 6 to 15 characters long`, {
				itemIndex,
			});
		}
		const other = seen.get(token);
		if (other !== undefined) {
			throw new NodeOperationError(context.getNode(), `${label} is the same as ${other}`, {
				itemIndex,
				description: 'Gensee tells roles apart by their token: each must differ.',
			});
		}
		seen.set(token, label);
	}
}

export function optionalText(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
