import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';

export interface SearchFilters {
  categories?: string[] | undefined;
  regions?: string[] | undefined;
  /** Inclusive bounds on when the report was received (ISO dates or timestamps). */
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  workStatuses?: string[] | undefined;
  hasLoss?: boolean | undefined;
}

export interface SearchHit {
  reportId: string;
  /** Higher is better (negated BM25); 0 when only filters were given. */
  score: number;
  snippet: string;
}

export interface SearchRequest {
  query: string;
  filters?: SearchFilters;
  limit?: number;
  offset?: number;
}

/**
 * Every word becomes a prefix query so partial words find something ("kluisrek" finds "kluisrekening");
 * quoting each word keeps FTS5 syntax (AND, NEAR, quotes, colons) typed by a user from breaking the query.
 */
export function toFtsQuery(query: string): string | null {
  const words = query.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}

function endOfDay(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999Z` : new Date(value).toISOString();
}

function startOf(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : new Date(value).toISOString();
}

function assertDate(value: string | undefined, name: string): void {
  if (value !== undefined && Number.isNaN(Date.parse(value))) {
    throw new AppError('BAD_INPUT', `${name} must be a date such as 2026-03-01, got "${value}"`);
  }
}

/**
 * Ranking (BM25) costs more than a microsecond per matching report, so ranking every match of a common word
 * ("marktplaats" is in one report in six) would take a third of a second in a store of a million. Matches that
 * pass the filters therefore come in tiers of RANKING_TIER, newest tier first, each ranked by relevance; a query
 * with fewer matches is ranked as a whole. Tiers do not move between pages, so paging on reaches every match once.
 */
export const RANKING_TIER = 2000;

export function searchReports(sqlite: Database.Database, request: SearchRequest): SearchHit[] {
  const filters = request.filters ?? {};
  assertDate(filters.receivedFrom, 'from');
  assertDate(filters.receivedTo, 'to');
  const limit = Math.min(Math.max(request.limit ?? 50, 1), 1000);
  const offset = Math.max(request.offset ?? 0, 0);
  const where: string[] = ["r.status = 'filed'"];
  const params: unknown[] = [];
  const inList = (column: string, values: string[] | undefined) => {
    if (!values || values.length === 0) return;
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  inList('r.category', filters.categories);
  inList('r.region', filters.regions);
  inList('r.work_status', filters.workStatuses);
  if (filters.receivedFrom) {
    where.push('r.received_at >= ?');
    params.push(startOf(filters.receivedFrom));
  }
  if (filters.receivedTo) {
    where.push('r.received_at <= ?');
    params.push(endOfDay(filters.receivedTo));
  }
  if (filters.hasLoss !== undefined) where.push(filters.hasLoss ? 'r.loss_cents > 0' : 'r.loss_cents = 0');

  const fts = toFtsQuery(request.query);
  if (fts === null) {
    const rows = sqlite
      .prepare<unknown[], { reportId: string; snippet: string | null }>(
        `SELECT r.report_id AS reportId, r.summary AS snippet FROM reports r WHERE ${where.join(' AND ')}
         ORDER BY r.received_at DESC LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, offset);
    return rows.map((row) => ({ reportId: row.reportId, score: 0, snippet: row.snippet ?? '' }));
  }
  // Matches come from the index newest first; the report row is only read to apply the filters.
  const nthNewest = sqlite
    .prepare<unknown[], number>(
      `SELECT f.rowid FROM reports_fts f CROSS JOIN reports r ON r.id = f.rowid
       WHERE reports_fts MATCH ? AND ${where.join(' AND ')}
       ORDER BY f.rowid DESC LIMIT 1 OFFSET ?`,
    )
    .pluck();
  const ranked = sqlite.prepare<unknown[], { reportId: string; rank: number; snippet: string }>(
    // bm25() rather than FTS5's `rank` column: ordering by `rank` makes FTS5 rank every match before the rowid bounds apply.
    `SELECT r.report_id AS reportId, bm25(reports_fts) AS rank, snippet(reports_fts, -1, '[', ']', '…', 16) AS snippet
     FROM reports_fts f CROSS JOIN reports r ON r.id = f.rowid
     WHERE reports_fts MATCH ? AND f.rowid BETWEEN ? AND ? AND ${where.join(' AND ')}
     ORDER BY rank LIMIT ? OFFSET ?`,
  );
  const hits: SearchHit[] = [];
  for (let position = offset; hits.length < limit; ) {
    const tier = Math.floor(position / RANKING_TIER);
    const newest = tier === 0 ? Number.MAX_SAFE_INTEGER : nthNewest.get(fts, ...params, tier * RANKING_TIER);
    if (newest === undefined) break;
    const oldest = nthNewest.get(fts, ...params, (tier + 1) * RANKING_TIER - 1);
    for (const row of ranked.all(fts, oldest ?? 0, newest, ...params, limit - hits.length, position - tier * RANKING_TIER)) {
      hits.push({ reportId: row.reportId, score: Math.round(-row.rank * 1000) / 1000, snippet: row.snippet });
    }
    if (oldest === undefined) break;
    position = (tier + 1) * RANKING_TIER;
  }
  return hits;
}
