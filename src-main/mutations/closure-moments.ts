import type Database from 'better-sqlite3';

/**
 * Every moment a report was set to closed, as the changes hold them: this workstation's own ones wait in (or were
 * acknowledged from) the outbox, other officers' arrive from the hub into `field_versions` with the time they were
 * made. Reads only those changes, never the per-report audit log (a million rows). Times as recorded (not UTC).
 */
export function closureMoments(sqlite: Database.Database): Array<{ reportId: string; at: string }> {
  return sqlite
    .prepare<[], { reportId: string; at: string }>(
      `SELECT json_extract(payload, '$.reportId') AS reportId, created_at AS at FROM outbox
        WHERE kind = 'report.setWorkStatus' AND state != 'rejected' AND json_extract(payload, '$.status') = 'closed'
       UNION ALL
       SELECT entity_id AS reportId, at FROM field_versions
        WHERE entity = 'report' AND field = 'workStatus' AND value = '"closed"' AND at IS NOT NULL`,
    )
    .all();
}
