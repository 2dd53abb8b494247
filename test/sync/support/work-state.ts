import type Database from 'better-sqlite3';
import { listClusters, listReportIndicators } from '../../../src-main/linking/queries';
import { storedRevisions } from '../../support/stored-revisions';

/** Everything officers' work and linking show, in a stable order: two stores that agree on this look the same. */
export function workState(sqlite: Database.Database) {
  const all = (sql: string) => sqlite.prepare(sql).all();
  return {
    reports: all('SELECT report_id, revision, status, work_status, assignee FROM reports ORDER BY report_id'),
    links: all('SELECT * FROM link_decisions ORDER BY report_a, report_b'),
    notes: all('SELECT * FROM notes ORDER BY id'),
    cases: all('SELECT * FROM cases ORDER BY id'),
    caseReports: all('SELECT * FROM case_reports ORDER BY case_id, report_id'),
    // The shipped defaults are stamped with the moment each store was made; everything else is the mutation's.
    benign: all(
      "SELECT type, value, reason, added_by, CASE WHEN added_by = 'system:defaults' THEN NULL ELSE added_at END AS added_at FROM benign_values ORDER BY type, value",
    ),
    clusters: listClusters(sqlite),
    indicators: [...listReportIndicators(sqlite)],
  };
}

/** Every stored revision of every report, in a stable order (raw included). */
export function revisionState(sqlite: Database.Database) {
  return storedRevisions(sqlite);
}
