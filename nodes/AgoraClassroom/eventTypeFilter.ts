/** Whether an event type passes the user's choice of event types; choosing none passes every type. */
export function isChosenEventType<T>(chosen: readonly T[], type: T): boolean {
	return chosen.length === 0 || chosen.includes(type);
}
