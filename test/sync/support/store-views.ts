import type Database from 'better-sqlite3';
import { revisionState, workState } from './work-state';

/** Report rows without the local bookkeeping that legitimately differs between stores (row ids, updated_at). */
export function reportRows(sqlite: Database.Database) {
  return sqlite
    .prepare(
      `SELECT report_id, revision, status, received_at, first_received_at, channel, kind, category, region, reporter_type,
         summary, narrative, loss_cents, incident_at, work_status, assignee FROM reports ORDER BY report_id`,
    )
    .all();
}

/** What must be identical between a store filled by sync and one filled by a direct import of the same records. */
export function reportView(sqlite: Database.Database) {
  const { clusters, indicators } = workState(sqlite);
  return { reports: reportRows(sqlite), revisions: revisionState(sqlite), clusters, indicators };
}
