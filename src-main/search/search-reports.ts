import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { reportFilterWhere, type ReportFilters } from './report-filters';
import type { ReportText } from '../db/report-row';
import { ftsQuery } from './fts-query';
import { searchWords } from './search-words';
import { snippetOf } from './snippet';

export type SearchFilters = ReportFilters;

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
 * A tier is read in one pass over the index: for a word typed in part, each pass merges every indexed word it
 * begins, which for a common word costs more than the ranking.
 */
export const RANKING_TIER = 2000;

export function searchReports(sqlite: Database.Database, request: SearchRequest): SearchHit[] {
  const filters = request.filters ?? {};
  assertDate(filters.receivedFrom, 'from');
  assertDate(filters.receivedTo, 'to');
  const limit = Math.min(Math.max(request.limit ?? 50, 1), 1000);
  const offset = Math.max(request.offset ?? 0, 0);
  const { terms: where, params } = reportFilterWhere(filters);

  const words = searchWords(request.query);
  const fts = ftsQuery(sqlite, words);
  if (fts === null) {
    const rows = sqlite
      .prepare<unknown[], { reportId: string; snippet: string | null }>(
        `SELECT r.report_id AS reportId, r.summary AS snippet FROM reports r WHERE ${where.join(' AND ')}
         ORDER BY r.received_at DESC LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, offset);
    return rows.map((row) => ({ reportId: row.reportId, score: 0, snippet: row.snippet ?? '' }));
  }
  // One pass over the index per tier, newest first. Only filed reports have text in the index (see reportText), so
  // report rows are read only to apply filters, and whole only for the page's hits.
  const filtered = where.length > 1;
  const tierRows = sqlite.prepare<unknown[], { id: number; rank: number }>(
    `SELECT f.rowid AS id, bm25(reports_fts) AS rank
     FROM reports_fts f ${filtered ? 'CROSS JOIN reports r ON r.id = f.rowid' : ''}
     WHERE reports_fts MATCH ? ${filtered ? `AND ${where.join(' AND ')}` : ''}
     ORDER BY f.rowid DESC LIMIT ? OFFSET ?`,
  );
  const found: { id: number; rank: number }[] = [];
  for (let position = offset; found.length < limit; ) {
    const tier = Math.floor(position / RANKING_TIER);
    const rows = tierRows.all(fts, ...(filtered ? params : []), RANKING_TIER, tier * RANKING_TIER);
    // Most relevant first (bm25 is lower for better matches); the newer of equals first.
    rows.sort((a, b) => a.rank - b.rank || b.id - a.id);
    found.push(...rows.slice(position - tier * RANKING_TIER, position - tier * RANKING_TIER + limit - found.length));
    if (rows.length < RANKING_TIER) break;
    position = (tier + 1) * RANKING_TIER;
  }
  const hitOf = sqlite.prepare<[number], ReportText & { reportId: string }>('SELECT report_id AS reportId, summary, narrative FROM reports WHERE id = ?');
  return found.map((row) => {
    const hit = hitOf.get(row.id)!;
    return { reportId: hit.reportId, score: Math.round(-row.rank * 1000) / 1000, snippet: snippetOf([hit.summary, hit.narrative], words) };
  });
}
