import type Database from 'better-sqlite3';
import { revisionState, workState } from './work-state';

/** Report rows as the intake made them: no local bookkeeping (row ids, updated_at), no officers' work. */
export function reportRows(sqlite: Database.Database) {
  return sqlite
    .prepare(
      `SELECT report_id, revision, status, received_at, first_received_at, channel, kind, category, region, reporter_type,
         summary, narrative, loss_cents, incident_at FROM reports ORDER BY report_id`,
    )
    .all();
}

/** What must be identical between a store filled by sync and one filled by a direct import of the same records. */
export function reportView(sqlite: Database.Database) {
  const { clusters, indicators } = workState(sqlite);
  return { reports: reportRows(sqlite), revisions: revisionState(sqlite), clusters, indicators };
}
