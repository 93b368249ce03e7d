type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

/** Awaits a promise that must reject and returns what it rejected with, checked to be a `kind`. */
export async function failureOf(promise: Promise<unknown>): Promise<Error>;
export async function failureOf<E extends Error>(
	promise: Promise<unknown>,
	kind: ErrorClass<E>,
): Promise<E>;
export async function failureOf(
	promise: Promise<unknown>,
	kind: ErrorClass<Error> = Error,
): Promise<Error> {
	const error = await promise.then(
		() => undefined,
		(caught: unknown) => caught,
	);
	if (!(error instanceof kind))
		throw new Error(`expected the call to fail with a ${kind.name}, got ${String(error)}`);
	return error;
}
