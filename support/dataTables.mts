/**
 * n8n data tables through the REST API, as a user creates them under Overview → Data tables:
 * the tables a recipe needs, and their rows.
 */
import { isRecord } from '../nodes/shared/guards';
import type { RestSession } from './n8nRest.mjs';

export type ColumnType = 'string' | 'number' | 'boolean' | 'date';
export type Row = Record<string, string | number | boolean | null>;

function isRow(value: unknown): value is Row {
	return isRecord(value);
}

export class DataTables {
	private constructor(
		private readonly session: RestSession,
		private readonly projectId: string,
	) {}

	/** The owner's personal project, where CLI-imported workflows live too. */
	static async ofOwner(session: RestSession): Promise<DataTables> {
		const project = await session.call('GET', '/projects/personal');
		if (!isRecord(project) || typeof project.id !== 'string')
			throw new Error(`no personal project: ${JSON.stringify(project)}`);
		return new DataTables(session, project.id);
	}

	/** Creates a table with these columns (in this order) and returns its id. */
	async create(name: string, columns: Record<string, ColumnType>): Promise<string> {
		const table = await this.session.call('POST', `/projects/${this.projectId}/data-tables`, {
			name,
			columns: Object.entries(columns).map(([column, type]) => ({ name: column, type })),
		});
		if (!isRecord(table) || typeof table.id !== 'string')
			throw new Error(`data table ${name} was not created: ${JSON.stringify(table)}`);
		return table.id;
	}

	async insert(tableId: string, rows: Row[]): Promise<void> {
		await this.session.call('POST', `/projects/${this.projectId}/data-tables/${tableId}/insert`, {
			data: rows,
			returnType: 'count',
		});
	}

	/** Every row of a table (user columns and n8n's own `id`, `createdAt`, `updatedAt`). */
	async rows(tableId: string): Promise<Row[]> {
		const page = await this.session.call(
			'GET',
			`/projects/${this.projectId}/data-tables/${tableId}/rows?take=1000`,
		);
		const list = isRecord(page) && Array.isArray(page.data) ? page.data : [];
		return list.filter(isRow);
	}
}
