import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** A drizzle database or transaction over either driver (PGlite or node-postgres); the hub's code uses only this. */
export type HubDb = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export type DatabaseKind = 'pglite' | 'postgres';

/** Both drivers answer a raw query with `{ rows }`. */
export async function queryRows<T>(db: HubDb, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error('the database driver returned no rows array');
  return rows as T[];
}

/**
 * A list of strings as one JSON parameter, turned into a `text[]` the planner evaluates once: `col = ANY(…)`
 * is then an index scan, where joining a set-returning function (estimated at 100 rows) may be planned as a
 * scan of the whole table.
 */
export const textArray = (values: readonly string[]): SQL => sql`ARRAY(SELECT json_array_elements_text(${JSON.stringify(values)}::json))`;

/** SQLSTATEs after which the whole transaction may simply run again. */
const RETRYABLE = new Set(['40001', '40P01']);

/** The SQLSTATE of a database error, also when a driver or drizzle wrapped it. */
export function sqlState(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Runs a transaction, again after a deadlock or serialization failure (rare: locks are taken in a fixed order). */
export async function inTransaction<T>(db: HubDb, work: (tx: HubDb) => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction((tx) => work(tx as unknown as HubDb));
    } catch (error) {
      const state = sqlState(error);
      if (attempt >= attempts || state === undefined || !RETRYABLE.has(state)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
