import type { KeyedJsonTable } from '../../db/keyed-json-table';
import type { JsonValue } from '../registers';
import { NOTHING, UNKNOWN_AUTHOR, type EntityAdapter } from './entity-adapter';

/**
 * Entities kept whole as one JSON register (`field`) in a table keyed by id, with who changed it last: directory
 * entries and routing rules. The table is written through its owner's statements (db/directory-entries.ts,
 * db/routing-rules.ts).
 */
export function createKeyedJsonAdapter(table: KeyedJsonTable, field: string): EntityAdapter {
  return {
    read(id, wanted) {
      if (wanted !== field) return NOTHING;
      const row = table.read(id);
      return row ? { value: JSON.parse(row.json) as JsonValue, officer: row.updatedBy, at: row.updatedAt } : NOTHING;
    },
    write(id, fields) {
      const state = fields.get(field);
      if (!state) return;
      if (state.value === null) table.remove(id);
      else table.upsert(id, state.value as Record<string, unknown>, state.officer ?? UNKNOWN_AUTHOR, state.at ?? '');
    },
  };
}
