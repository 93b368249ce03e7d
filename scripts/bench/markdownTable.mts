/**
 * A Markdown table with one row per item, `cells` formatting an item's row. `align` has one
 * letter a column: `l` for text, `r` for figures.
 */
export function markdownTable<Item>(
	titles: readonly string[],
	align: string,
	items: readonly Item[],
	cells: (item: Item) => string[],
): string[] {
	if (align.length !== titles.length || /[^lr]/.test(align))
		throw new Error(`a table's alignment has one l or r per column, not "${align}"`);
	const line = (values: readonly string[]) => `| ${values.join(' | ')} |`;
	const rule = Array.from(align, (letter) => (letter === 'r' ? '---:' : '---'));
	return [line(titles), `|${rule.join('|')}|`, ...items.map((item) => line(cells(item)))];
}
