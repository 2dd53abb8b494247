import type Database from 'better-sqlite3';
import type { JsonValue } from '../registers';
import { NOTHING, UNKNOWN_AUTHOR, type EntityAdapter } from './entity-adapter';

/**
 * Entities kept whole as one JSON register (`field`) in a table keyed by id, with who changed it last:
 * directory entries and routing rules. `columns` derives the table's indexed columns from the value.
 */
export function createKeyedJsonAdapter(
  sqlite: Database.Database,
  options: { table: string; jsonColumn: string; field: string; columns: (value: Record<string, unknown>) => Record<string, string | number> },
): EntityAdapter {
  const { table, jsonColumn, field } = options;
  const select = sqlite.prepare<[string], { json: string; updated_by: string; updated_at: string }>(
    `SELECT ${jsonColumn} AS json, updated_by, updated_at FROM ${table} WHERE id = ?`,
  );
  const remove = sqlite.prepare<[string]>(`DELETE FROM ${table} WHERE id = ?`);
  const upserts = new Map<string, Database.Statement>();

  function upsert(id: string, value: Record<string, unknown>, by: string, at: string): void {
    const columns = options.columns(value);
    const names = Object.keys(columns);
    const key = names.join(',');
    let statement = upserts.get(key);
    if (!statement) {
      const all = ['id', jsonColumn, 'updated_by', 'updated_at', ...names];
      const updates = all.slice(1).map((name) => `${name} = excluded.${name}`).join(', ');
      statement = sqlite.prepare(`INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')}) ON CONFLICT (id) DO UPDATE SET ${updates}`);
      upserts.set(key, statement);
    }
    statement.run(id, JSON.stringify(value), by, at, ...names.map((name) => columns[name]!));
  }

  return {
    read(id, wanted) {
      if (wanted !== field) return NOTHING;
      const row = select.get(id);
      return row ? { value: JSON.parse(row.json) as JsonValue, officer: row.updated_by, at: row.updated_at } : NOTHING;
    },
    write(id, fields) {
      const state = fields.get(field);
      if (!state) return;
      if (state.value === null) remove.run(id);
      else upsert(id, state.value as Record<string, unknown>, state.officer ?? UNKNOWN_AUTHOR, state.at ?? '');
    },
  };
}
