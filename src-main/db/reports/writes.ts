import type Database from 'better-sqlite3';
import type { StoredRevision } from '../stored-revision';

/**
 * Writes of the report tables that other modules decide: a report's cluster (linking/), the officers' work fields
 * (the sync applier's report adapter) and the benign marks (benign/). Their SQL stands here, on the data floor
 * every one of them stands on, and each gets the prepared statements it runs (src-main/README.md, "Who owns which
 * table"); the report writer and the purge in ingest/ write the rest.
 */

/** A report's cluster by its row id, and a whole cluster's members moved to another. */
export function prepareClusterAssignment(sqlite: Database.Database) {
  return {
    setCluster: sqlite.prepare<[clusterId: number | null, reportRowId: number]>('UPDATE reports SET cluster_id = ? WHERE id = ?'),
    moveMembers: sqlite.prepare<[toCluster: number, fromCluster: number]>('UPDATE reports SET cluster_id = ? WHERE cluster_id = ?'),
  };
}

/** The officers' work fields of a report, by its id as the intake gave it. */
export function prepareWorkFields(sqlite: Database.Database) {
  return {
    setRoute: sqlite.prepare<[team: string | null, priority: string | null, ruleId: string | null, reason: string | null, by: string | null, at: string | null, reportId: string]>(
      'UPDATE reports SET route_team = ?, route_priority = ?, route_rule = ?, route_reason = ?, routed_by = ?, routed_at = ? WHERE report_id = ?',
    ),
    setStatus: sqlite.prepare<[status: string, reportId: string]>('UPDATE reports SET work_status = ? WHERE report_id = ?'),
    setAssignee: sqlite.prepare<[assignee: string | null, reportId: string]>('UPDATE reports SET assignee = ? WHERE report_id = ?'),
  };
}

/** An indicator's benign reason (null: not benign) and the matching mark on every mention of it. */
export function prepareBenignMarks(sqlite: Database.Database) {
  return {
    setReason: sqlite.prepare<[reason: string | null, indicatorId: number]>('UPDATE indicators SET benign_reason = ? WHERE id = ?'),
    setMentions: sqlite.prepare<[benign: number, indicatorId: number]>('UPDATE mentions SET benign = ? WHERE indicator_id = ?'),
  };
}

/**
 * What removing a report's own rows takes (ingest/report-purge.ts decides the order, the clusters and which
 * indicators go): its mentions, revisions and row, and indicators no report mentions any more.
 */
export function prepareReportPurge(sqlite: Database.Database) {
  return {
    mentioned: sqlite.prepare<[reportRowId: number], number>('SELECT indicator_id FROM mentions WHERE report_id = ?').pluck(),
    deleteMentions: sqlite.prepare<[reportRowId: number]>('DELETE FROM mentions WHERE report_id = ?'),
    storedRevisions: sqlite.prepare<[reportRowId: number], StoredRevision>(
      `SELECT v.raw, v.packed, v.narrative_at AS narrativeAt, r.narrative AS reportNarrative
       FROM report_revisions v JOIN reports r ON r.id = v.report_id WHERE v.report_id = ?`,
    ),
    deleteRevisions: sqlite.prepare<[reportRowId: number]>('DELETE FROM report_revisions WHERE report_id = ?'),
    deleteReport: sqlite.prepare<[reportRowId: number]>('DELETE FROM reports WHERE id = ?'),
    stillMentioned: sqlite.prepare<[indicatorId: number], number>('SELECT 1 FROM mentions WHERE indicator_id = ? LIMIT 1').pluck(),
    deleteIndicator: sqlite.prepare<[indicatorId: number]>('DELETE FROM indicators WHERE id = ?'),
  };
}
