import type Database from 'better-sqlite3';
import type { AuditEntryView } from '../../shared/api/views';

export interface AuditFilter {
  /**
   * Entries about this report, and about the links from or to it, and the intake batch entries that name it (whole:
   * `intakeEntryAbout` narrows one to the report).
   */
  reportId?: string;
  /** Entries this officer (or actor) made. */
  actor?: string;
  /** Entries after this one only. */
  afterId?: number;
  /** Entries before this one only. */
  beforeId?: number;
  /** Entries logged on or after this day (YYYY-MM-DD), or on or before it. */
  fromDay?: string;
  toDay?: string;
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

function whereOf(filter: AuditFilter): { where: string; params: Array<string | number> } {
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (filter.reportId !== undefined) {
    where.push(
      `((subject_type = 'report' AND subject_id = ?) OR (subject_type = 'link' AND (subject_id LIKE ? ESCAPE '\\' OR subject_id LIKE ? ESCAPE '\\'))
        OR id IN (SELECT audit_id FROM report_intake_entries WHERE report_id = ?))`,
    );
    // The intake batch entries naming it through their index (migration 0047), not by reading every entry's details.
    params.push(filter.reportId, `${escapeLike(filter.reportId)}|%`, `%|${escapeLike(filter.reportId)}`, filter.reportId);
  }
  const bounds: Array<[string, string | number | undefined]> = [
    ['actor = ?', filter.actor],
    ['id > ?', filter.afterId],
    ['id < ?', filter.beforeId],
    ['substr(at, 1, 10) >= ?', filter.fromDay],
    ['substr(at, 1, 10) <= ?', filter.toDay],
  ];
  for (const [condition, value] of bounds) {
    if (value === undefined) continue;
    where.push(condition);
    params.push(value);
  }
  return { where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** The audit log's entries that match, oldest first (or newest first), one at a time (a log may hold millions). */
export function* auditEntries(sqlite: Database.Database, filter: AuditFilter = {}, order: 'oldest' | 'newest' = 'oldest'): Generator<StoredAuditEntry> {
  const { where, params } = whereOf(filter);
  const rows = sqlite
    .prepare<Array<string | number>, AuditRow>(
      `SELECT id, at, actor, action, subject_type AS subjectType, subject_id AS subjectId, details, entry_hash AS entryHash FROM audit_log
       ${where} ORDER BY id ${order === 'newest' ? 'DESC' : 'ASC'}`,
    )
    .iterate(...params);
  for (const { entryHash, details, ...row } of rows) {
    yield { ...row, details: details === null ? null : (JSON.parse(details) as Record<string, unknown>), hash: entryHash?.toString('hex') ?? null };
  }
}

/** How many entries match. */
export function countAuditEntries(sqlite: Database.Database, filter: AuditFilter): number {
  const { where, params } = whereOf(filter);
  return sqlite.prepare<Array<string | number>, number>(`SELECT count(*) FROM audit_log ${where}`).pluck().get(...params) ?? 0;
}

/** The newest entry of this workstation's log (0: none). */
export function newestEntryId(sqlite: Database.Database): number {
  return sqlite.prepare<[], number>('SELECT coalesce(max(id), 0) FROM audit_log').pluck().get() ?? 0;
}

/**
 * The earliest feed entry (its seq) the sync passed over after audit entry `afterId` for any reason but
 * `exceptReason` (null: none). Reads the log from `afterId` on, once per upgrade.
 */
export function earliestSkippedFeedEntry(sqlite: Database.Database, afterId: number, exceptReason: string): number | null {
  return sqlite
    .prepare<[number, string], number | null>(
      `SELECT min(CAST(json_extract(details, '$.seq') AS INTEGER)) FROM audit_log
        WHERE id > ? AND action = 'sync.entry_skipped' AND json_extract(details, '$.reason') IS NOT ?`,
    )
    .pluck()
    .get(afterId, exceptReason) ?? null;
}

/** When `action` was last logged (null: never). */
export function lastLoggedAt(sqlite: Database.Database, action: string): Date | null {
  // Newest first by the log's own order: a daily action is found among the last day's entries, where max(at) read
  // the whole log (374 ms at 100k reports, on the core's thread at every start).
  const at = sqlite.prepare<[string], string>('SELECT at FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1').pluck().get(action);
  return at ? new Date(at) : null;
}

/** The purpose `actor` last gave for any of these reports (null: none yet). */
export function lastPurposeGiven(sqlite: Database.Database, actor: string, reportIds: readonly string[]): string | null {
  if (reportIds.length === 0) return null;
  return (
    sqlite
      .prepare<string[], string>(
        `SELECT json_extract(details, '$.purpose') FROM audit_log
         WHERE subject_type = 'report' AND actor = ? AND json_extract(details, '$.purpose') IS NOT NULL
           AND subject_id IN (${reportIds.map(() => '?').join(', ')})
         ORDER BY id DESC LIMIT 1`,
      )
      .pluck()
      .get(actor, ...reportIds) ?? null
  );
}
