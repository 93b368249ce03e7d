/**
 * Whether a value passes the user's choice from a list (event types, interfaces, roles…):
 * choosing nothing means all, so an empty choice passes every value.
 */
export function isChosen<T>(choice: readonly T[], value: T): boolean {
	return choice.length === 0 || choice.includes(value);
}
