import type Database from 'better-sqlite3';
import type { Actor } from './actor';

export interface AuditEntry {
  actor: Actor;
  action: string;
  subjectType: string;
  subjectId: string;
  /** Never personal data of a victim: ids, revisions, counts, reasons. */
  details?: Record<string, unknown> | undefined;
}

/** Appends to the audit log; call inside the transaction of the change it records. */
export function createAuditAppender(sqlite: Database.Database) {
  const insert = sqlite.prepare(
    'INSERT INTO audit_log (at, actor, action, subject_type, subject_id, details) VALUES (?, ?, ?, ?, ?, ?)',
  );
  return (at: string, entry: AuditEntry): void => {
    insert.run(
      at,
      entry.actor,
      entry.action,
      entry.subjectType,
      entry.subjectId,
      entry.details === undefined ? null : JSON.stringify(entry.details),
    );
  };
}
