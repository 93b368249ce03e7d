/**
 * Canvas subtitles. The editor evaluates them as expressions, so a map from stored values to
 * their labels is written into the expression: the canvas then reads "Exam Submitted", not
 * "answerSheet".
 */

/** The labels of the values chosen in a multi-options parameter, or `all` when none is chosen. */
export function chosenLabels(parameter: string, labels: Readonly<Record<string, string>>): string {
	return `$parameter.${parameter}.map((value) => (${JSON.stringify(labels)})[value] || value).join(", ")`;
}

export function chosenLabelsSubtitle(
	parameter: string,
	labels: Readonly<Record<string, string>>,
	all: string,
): `={{${string}}}` {
	return `={{ $parameter.${parameter}.length ? ${chosenLabels(parameter, labels)} : ${JSON.stringify(all)} }}`;
}

export function labelsOf<T>(
	entries: readonly T[],
	value: (entry: T) => string,
	label: (entry: T) => string,
): Record<string, string> {
	return Object.fromEntries(entries.map((entry) => [value(entry), label(entry)]));
}
