import type Database from 'better-sqlite3';

const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The connection's statement for this SQL, prepared at its first use: for functions called once per record (a
 * withdrawal's redactions), whose statements would otherwise be compiled again on every call. better-sqlite3 keeps no
 * cache of its own. The statement is shared by every caller of the same SQL: it comes back in its default mode (no
 * pluck, raw or expand), so a caller that plucks sets `.pluck()` each time.
 */
export function preparedOnce<Params extends unknown[] | object = unknown[], Row = unknown>(sqlite: Database.Database, sql: string): Database.Statement<Params, Row> {
  let statements = byConnection.get(sqlite);
  if (!statements) byConnection.set(sqlite, (statements = new Map<string, Database.Statement>()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)));
  // Each caller gets rows in the default shape, whatever mode an earlier caller of the same SQL left it in.
  else if (statement.reader) statement.pluck(false).raw(false).expand(false);
  return statement as Database.Statement<Params, Row>;
}
