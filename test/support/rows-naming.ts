import type Database from 'better-sqlite3';

/**
 * The store's tables with a row that names `text` anywhere; of the audit log only the entries after `auditAfter` (the
 * log keeps that a report was received, as the law asks, and retention does not rewrite it).
 */
export function tablesNaming(sqlite: Database.Database, text: string, auditAfter: number): string[] {
  return sqlite
    .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'")
    .pluck()
    .all()
    .filter((table) => JSON.stringify(sqlite.prepare(table === 'audit_log' ? `SELECT * FROM audit_log WHERE id > ${auditAfter}` : `SELECT * FROM "${table}"`).all()).includes(text));
}

/** The last audit entry's id now: what `tablesNaming` looks after. */
export const lastAuditId = (sqlite: Database.Database) => sqlite.prepare<[], number | null>('SELECT max(id) FROM audit_log').pluck().get() ?? 0;
