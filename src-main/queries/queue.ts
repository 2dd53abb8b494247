import type Database from 'better-sqlite3';
import type { QueueFilters, QueuePage, QueueQuery, QueueRow, QueueSortKey } from '../../shared/api/views';
import { ftsQuery } from '../search/fts-query';
import { searchWords } from '../search/search-words';
import { queryInChunks } from './in-chunks';
import { reportFilterWhere, type SqlWhere } from '../search/report-filters';
import { QUEUE_ROW_COLUMNS, QUEUE_ROW_FROM } from './queue-rows';

const NEWEST_FIRST = 'r.received_at DESC, r.id DESC';

/** ORDER BY per sort key; ties fall back to the newest first, so paging is stable. Missing values sort last. */
const SORT_SQL: Record<QueueSortKey, (direction: 'ASC' | 'DESC') => string> = {
  receivedAt: (d) => `r.received_at ${d}, r.id ${d}`,
  category: (d) => `r.category ${d}, ${NEWEST_FIRST}`,
  region: (d) => `r.region IS NULL, r.region ${d}, ${NEWEST_FIRST}`,
  loss: (d) => `r.loss_cents ${d}, ${NEWEST_FIRST}`,
  clusterSize: (d) => `coalesce(c.size, 1) ${d}, ${NEWEST_FIRST}`,
  workStatus: (d) => `CASE r.work_status WHEN 'new' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END ${d}, ${NEWEST_FIRST}`,
  assignee: (d) => `r.assignee IS NULL, r.assignee ${d}, ${NEWEST_FIRST}`,
};

/** The WHERE clause of the live reports that pass the filters; `me` is the signed-in officer. */
function whereOf(sqlite: Database.Database, filters: QueueFilters, me: string, extra: SqlWhere): { sql: string; params: unknown[] } {
  const { terms: where, params } = reportFilterWhere(filters);
  if (filters.assignee === 'unassigned') where.push('r.assignee IS NULL');
  else if (filters.assignee !== undefined) {
    where.push('r.assignee = ?');
    params.push(filters.assignee === 'me' ? me : filters.assignee);
  }
  if (filters.inCluster !== undefined) where.push(filters.inCluster ? 'r.cluster_id IS NOT NULL' : 'r.cluster_id IS NULL');
  if (filters.teams !== undefined && filters.teams.length > 0) {
    const named = filters.teams.filter((team) => team !== '');
    const terms = [...(named.length > 0 ? [`r.route_team IN (${named.map(() => '?').join(', ')})`] : []), ...(named.length < filters.teams.length ? ['r.route_team IS NULL'] : [])];
    where.push(`(${terms.join(' OR ')})`);
    params.push(...named);
  }
  if (filters.indicator !== undefined) {
    where.push('r.id IN (SELECT m.report_id FROM indicators i JOIN mentions m ON m.indicator_id = i.id WHERE i.type = ? AND i.value = ? AND m.benign = 0)');
    params.push(filters.indicator.type, filters.indicator.value);
  }
  if (filters.clusterOf !== undefined) {
    where.push("r.cluster_id = (SELECT cluster_id FROM reports WHERE report_id = ? AND status = 'filed')");
    params.push(filters.clusterOf);
  }
  const fts = filters.text === undefined ? null : ftsQuery(sqlite, searchWords(filters.text));
  if (fts !== null) {
    where.push('r.id IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?)');
    params.push(fts);
  }
  where.push(...extra.terms);
  params.push(...extra.params);
  return { sql: where.join(' AND '), params };
}

/**
 * One page of the work queue (live reports only) and how many pass the filters in all. The page is found on
 * the covering index `reports_queue` first and only its rows are read whole, so it stays fast at 100k reports.
 * `extra` holds the terms of filters judged above this floor (the overview's service levels and closures).
 */
export function listQueue(sqlite: Database.Database, query: QueueQuery, me: string, extra: SqlWhere = { terms: [], params: [] }): QueuePage {
  const where = whereOf(sqlite, query.filters, me, extra);
  const order = SORT_SQL[query.sort.key](query.sort.direction === 'asc' ? 'ASC' : 'DESC');
  const pageIds = sqlite
    .prepare<unknown[], number>(`SELECT r.id FROM ${QUEUE_ROW_FROM} WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...where.params, query.limit, query.offset);
  const byId = new Map(
    queryInChunks(pageIds, (chunk, placeholders) =>
      sqlite.prepare<number[], QueueRow & { id: number }>(`SELECT r.id, ${QUEUE_ROW_COLUMNS} FROM ${QUEUE_ROW_FROM} WHERE r.id IN (${placeholders})`).all(...chunk),
    ).map(({ id, ...row }) => [id, row] as const),
  );
  const rows = pageIds.map((id) => byId.get(id)!);
  const total = sqlite.prepare<unknown[], number>(`SELECT count(*) FROM reports r WHERE ${where.sql}`).pluck().get(...where.params) ?? 0;
  return { rows, total, offset: query.offset };
}

/** Regions named by live reports, for the filter. */
/** Distinct regions of live reports, one index lookup each (a loose index scan) instead of a scan of every report. */
export function listRegions(sqlite: Database.Database): string[] {
  return sqlite
    .prepare<[], string>(
      `WITH RECURSIVE next(region) AS (
         SELECT min(region) FROM reports INDEXED BY reports_filed_region WHERE status = 'filed' AND region IS NOT NULL
         UNION ALL
         SELECT (SELECT min(region) FROM reports INDEXED BY reports_filed_region WHERE status = 'filed' AND region IS NOT NULL AND region > next.region) FROM next WHERE next.region IS NOT NULL
       )
       SELECT region FROM next WHERE region IS NOT NULL`,
    )
    .pluck()
    .all();
}
