import type Database from 'better-sqlite3';
import type { AuditEntryView } from '../../shared/api/views';

export interface AuditFilter {
  /** Entries about this report, and about the links from or to it. */
  reportId?: string;
  /** Entries this officer (or actor) made. */
  actor?: string;
  /** Entries after this one only. */
  afterId?: number;
}

export interface StoredAuditEntry extends AuditEntryView {
  id: number;
  /** The entry's place in the chain (hex), null for an entry outside it. */
  hash: string | null;
}

interface AuditRow extends Omit<StoredAuditEntry, 'details' | 'hash'> {
  details: string | null;
  entryHash: Buffer | null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** The audit log's entries that match, oldest first, one at a time (a log may hold millions). */
export function* auditEntries(sqlite: Database.Database, filter: AuditFilter = {}): Generator<StoredAuditEntry> {
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (filter.reportId !== undefined) {
    where.push(`((subject_type = 'report' AND subject_id = ?) OR (subject_type = 'link' AND (subject_id LIKE ? ESCAPE '\\' OR subject_id LIKE ? ESCAPE '\\')))`);
    params.push(filter.reportId, `${escapeLike(filter.reportId)}|%`, `%|${escapeLike(filter.reportId)}`);
  }
  if (filter.actor !== undefined) {
    where.push('actor = ?');
    params.push(filter.actor);
  }
  if (filter.afterId !== undefined) {
    where.push('id > ?');
    params.push(filter.afterId);
  }
  const rows = sqlite
    .prepare<Array<string | number>, AuditRow>(
      `SELECT id, at, actor, action, subject_type AS subjectType, subject_id AS subjectId, details, entry_hash AS entryHash FROM audit_log
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`,
    )
    .iterate(...params);
  for (const { entryHash, details, ...row } of rows) {
    yield { ...row, details: details === null ? null : (JSON.parse(details) as Record<string, unknown>), hash: entryHash?.toString('hex') ?? null };
  }
}
