import type Database from 'better-sqlite3';
import type { IndicatorQuery, IndicatorRow } from '../../shared/api/views';
import type { IndicatorEnrichment, IndicatorType } from '../../shared/indicators/types';
import { queryInChunks } from './in-chunks';

interface Candidates {
  /** SELECT id, reports of the indicators that pass the query's filters. */
  sql: string;
  params: unknown[];
}

interface Facts {
  id: number;
  reports: number;
  totalLossCents: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/**
 * Only live reports have mentions (a withdrawal drops them), so counting distinct reports per indicator needs
 * no look at the reports themselves: one pass over the covering index `mentions_indicator`.
 */
function candidatesOf(query: IndicatorQuery): Candidates {
  const where = ['c.reports >= ?'];
  const params: unknown[] = [query.minReports ?? 1];
  if (query.types && query.types.length > 0) {
    where.push(`i.type IN (${query.types.map(() => '?').join(', ')})`);
    params.push(...query.types);
  }
  if (!query.includeBenign) where.push('i.benign_reason IS NULL');
  const search = query.search?.trim();
  if (search) {
    where.push("i.value LIKE ? ESCAPE '\\'");
    params.push(`%${search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
  }
  return {
    sql: `SELECT c.id, c.reports FROM (SELECT indicator_id AS id, count(DISTINCT report_id) AS reports FROM mentions GROUP BY indicator_id) c
          JOIN indicators i ON i.id = c.id WHERE ${where.join(' AND ')}`,
    params,
  };
}

const FACTS_COLUMNS = `coalesce(sum(r.loss_cents), 0) AS totalLossCents, min(r.first_received_at) AS firstSeen, max(r.first_received_at) AS lastSeen`;

/** Most-mentioned first: the page is found on counts alone, then only its indicators' reports are read. */
function pageByReports(sqlite: Database.Database, candidates: Candidates, query: IndicatorQuery): { page: Facts[]; total: number } {
  const ranked = sqlite
    .prepare<unknown[], { id: number; reports: number; total: number }>(
      `SELECT c.id, c.reports, count(*) OVER () AS total FROM (${candidates.sql}) c JOIN indicators i ON i.id = c.id
       ORDER BY c.reports DESC, i.type, i.value LIMIT ? OFFSET ?`,
    )
    .all(...candidates.params, query.limit, query.offset);
  const factsOf = sqlite.prepare<[number], Omit<Facts, 'id' | 'reports'>>(
    `SELECT ${FACTS_COLUMNS} FROM reports r WHERE r.id IN (SELECT report_id FROM mentions WHERE indicator_id = ?)`,
  );
  return { page: ranked.map((row) => ({ id: row.id, reports: row.reports, ...factsOf.get(row.id)! })), total: ranked[0]?.total ?? -1 };
}

/** By loss or recency: every candidate's reports are read, so a narrower query (minReports ≥ 2, a type) is faster. */
function pageByFacts(sqlite: Database.Database, candidates: Candidates, query: IndicatorQuery): { page: Facts[]; total: number } {
  const order = query.sort === 'loss' ? 'totalLossCents DESC, c.reports DESC' : 'lastSeen DESC, c.reports DESC';
  const rows = sqlite
    .prepare<unknown[], Facts & { total: number }>(
      `WITH c AS MATERIALIZED (${candidates.sql})
       SELECT c.id, c.reports, ${FACTS_COLUMNS}, count(*) OVER () AS total
       FROM c JOIN (SELECT DISTINCT indicator_id, report_id FROM mentions WHERE indicator_id IN (SELECT id FROM c)) m ON m.indicator_id = c.id
       JOIN reports r ON r.id = m.report_id JOIN indicators i ON i.id = c.id
       GROUP BY c.id ORDER BY ${order}, i.type, i.value LIMIT ? OFFSET ?`,
    )
    .all(...candidates.params, query.limit, query.offset);
  return { page: rows.map(({ total: _total, ...facts }) => facts), total: rows[0]?.total ?? -1 };
}

/**
 * Indicators with how many live reports mention them and the loss those report: one page and the total.
 * A report that mentions an indicator in several fields counts once, and so does its loss.
 */
export function listIndicators(sqlite: Database.Database, query: IndicatorQuery): { rows: IndicatorRow[]; total: number } {
  const candidates = candidatesOf(query);
  const { page, total } = query.sort === 'reports' ? pageByReports(sqlite, candidates, query) : pageByFacts(sqlite, candidates, query);
  const details = new Map(
    queryInChunks(
      page.map((facts) => facts.id),
      (chunk, placeholders) =>
        sqlite
          .prepare<number[], { id: number; type: IndicatorType; value: string; enrichment: string | null; benignReason: string | null }>(
            `SELECT id, type, value, enrichment, benign_reason AS benignReason FROM indicators WHERE id IN (${placeholders})`,
          )
          .all(...chunk),
    ).map((row) => [row.id, row] as const),
  );
  const rows = page.map(({ id, ...facts }) => {
    const { type, value, enrichment, benignReason } = details.get(id)!;
    return { type, value, enrichment: enrichment === null ? null : (JSON.parse(enrichment) as IndicatorEnrichment), benignReason, ...facts };
  });
  // An offset past the end gives an empty page, and the window total with it; count apart then.
  const counted = total >= 0 ? total : sqlite.prepare<unknown[], number>(`SELECT count(*) FROM (${candidates.sql})`).pluck().get(...candidates.params) ?? 0;
  return { rows, total: counted };
}
