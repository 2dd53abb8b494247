import type Database from 'better-sqlite3';
import type { QueueRow } from '../../shared/api/views';
import { queryInChunks } from './in-chunks';

/** The columns of a QueueRow over `reports r LEFT JOIN clusters c`; a singleton counts as a cluster of one. */
export const QUEUE_ROW_COLUMNS = `r.report_id AS reportId, r.received_at AS receivedAt, r.category, r.region, r.summary,
  r.loss_cents AS lossCents, coalesce(c.size, 1) AS clusterSize, r.cluster_id AS clusterId, r.work_status AS workStatus,
  r.assignee, r.kind, r.route_team AS routeTeam, r.route_priority AS routePriority`;

export const QUEUE_ROW_FROM = 'reports r LEFT JOIN clusters c ON c.id = r.cluster_id';

/** Queue rows of the given reports (any status), newest first. */
export function queueRowsOf(sqlite: Database.Database, reportIds: readonly string[]): QueueRow[] {
  return queryInChunks(reportIds, (chunk, placeholders) =>
    sqlite.prepare<string[], QueueRow>(`SELECT ${QUEUE_ROW_COLUMNS} FROM ${QUEUE_ROW_FROM} WHERE r.report_id IN (${placeholders})`).all(...chunk),
  ).sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || a.reportId.localeCompare(b.reportId));
}
