import type Database from 'better-sqlite3';
import type { RevisionView } from '../../shared/api/views';
import { requireReportRow } from './report-record';
import { changedFieldPaths } from './revision-diff';
import { revisionText, type StoredRevision } from '../db/stored-revision';

/** Every stored revision, oldest first, with the fields each changed compared with the one before. */
export function listRevisions(sqlite: Database.Database, reportId: string): RevisionView[] {
  const { id } = requireReportRow(sqlite, reportId);
  const rows = sqlite
    .prepare<[number], StoredRevision & { revision: number; status: string; receivedAt: string }>(
      `SELECT v.revision, v.status, v.received_at AS receivedAt, v.raw, v.packed, v.narrative_at AS narrativeAt, r.narrative AS reportNarrative
       FROM report_revisions v JOIN reports r ON r.id = v.report_id WHERE v.report_id = ? ORDER BY v.revision`,
    )
    .all(id);
  let previous: Record<string, unknown> | null = null;
  return rows.map((row) => {
    const record = JSON.parse(revisionText(row)) as Record<string, unknown>;
    const changedFields = previous === null ? [] : changedFieldPaths(previous, record);
    previous = record;
    return { revision: row.revision, status: row.status, receivedAt: row.receivedAt, changedFields };
  });
}
