import type Database from 'better-sqlite3';
import { revisionText, type StoredRevision } from '../../src-main/db/stored-revision';

/** Every stored revision of every report as the store reads it back (packed or not), ordered by report and revision. */
export function storedRevisions(sqlite: Database.Database): Array<{ reportId: string; revision: number; status: string; receivedAt: string; raw: string }> {
  return sqlite
    .prepare<[], StoredRevision & { reportId: string; revision: number; status: string; receivedAt: string }>(
      `SELECT r.report_id AS reportId, v.revision, v.status, v.received_at AS receivedAt, v.raw, v.packed, v.narrative_at AS narrativeAt,
         r.narrative AS reportNarrative
       FROM report_revisions v JOIN reports r ON r.id = v.report_id ORDER BY r.report_id, v.revision`,
    )
    .all()
    .map((stored) => ({ reportId: stored.reportId, revision: stored.revision, status: stored.status, receivedAt: stored.receivedAt, raw: revisionText(stored) }));
}
