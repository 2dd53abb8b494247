import type Database from 'better-sqlite3';

/** A row of a table that keeps each entity whole as one JSON value, with who changed it last. */
export interface KeyedJsonRow {
  id: string;
  json: string;
  updatedBy: string;
  updatedAt: string;
}

/** What the sync applier needs of such a table; its owner builds it, so the table's SQL stays with the owner. */
export interface KeyedJsonTable {
  read(id: string): KeyedJsonRow | undefined;
  /** Writes the entity with the indexed columns its owner derives from the value. */
  upsert(id: string, value: Record<string, unknown>, by: string, at: string): void;
  remove(id: string): void;
}

/**
 * The statements of a keyed JSON table, prepared once from its owner's SQL: `upsert` binds the id, the JSON, who
 * and when, then the indexed columns that `columns` derives from the value.
 */
export function prepareKeyedJsonTable(
  sqlite: Database.Database,
  statements: { select: string; upsert: string; remove: string },
  columns: (value: Record<string, unknown>) => ReadonlyArray<string | number>,
): KeyedJsonTable {
  const select = sqlite.prepare<[string], KeyedJsonRow>(statements.select);
  const upsert = sqlite.prepare<Array<string | number>>(statements.upsert);
  const remove = sqlite.prepare<[string]>(statements.remove);
  return {
    read: (id) => select.get(id),
    upsert(id, value, by, at) {
      upsert.run(id, JSON.stringify(value), by, at, ...columns(value));
    },
    remove(id) {
      remove.run(id);
    },
  };
}
