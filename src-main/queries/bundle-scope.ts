/** Which live reports a request is about: those mentioning its indicator, else its case's, else its cluster's. */
import type Database from 'better-sqlite3';
import type { CanonicalIndicator } from '../../shared/indicators/types';
import { caseMembers } from '../mutations/case-members';

interface BundleScope {
  indicator: CanonicalIndicator | null;
  /** A batched letter's further indicators: their reports join the first one's. */
  batch?: readonly CanonicalIndicator[];
  caseId: string | null;
  clusterReportId: string | null;
}

// Oldest incident first: the order a letter tells the story in.
const ORDER = 'ORDER BY coalesce(r.incident_at, r.received_at), r.report_id';

export function indicatorId(sqlite: Database.Database, indicator: CanonicalIndicator): number | undefined {
  return sqlite.prepare<[string, string], number>('SELECT id FROM indicators WHERE type = ? AND value = ?').pluck().get(indicator.type, indicator.value);
}

/**
 * Live reports that mention exactly this indicator, with the day of their incident (or receipt). A URL counts as
 * itself only (not every page on its domain); a domain's reports include those with URLs on it, since every URL
 * is recorded with its domain too.
 */
export function reportsMentioning(sqlite: Database.Database, indicator: CanonicalIndicator): Array<{ reportId: string; at: string }> {
  const id = indicatorId(sqlite, indicator);
  if (id === undefined) return [];
  return sqlite
    .prepare<[number], { reportId: string; at: string }>(
      `SELECT r.report_id AS reportId, coalesce(r.incident_at, r.received_at) AS at FROM reports r
       WHERE r.status = 'filed' AND r.id IN (SELECT report_id FROM mentions WHERE indicator_id = ?) ${ORDER}`,
    )
    .all(id);
}

function caseReports(sqlite: Database.Database, caseId: string): string[] {
  return sqlite
    .prepare<[string], string>(`SELECT r.report_id FROM reports r WHERE r.report_id IN (SELECT value FROM json_each(?)) AND r.status = 'filed' ${ORDER}`)
    .pluck()
    .all(JSON.stringify(caseMembers(sqlite, caseId)));
}

/** The live reports of the report's cluster; the report alone when it links to nothing. */
function clusterReports(sqlite: Database.Database, reportId: string): string[] {
  return sqlite
    .prepare<[string], string>(
      `SELECT r.report_id FROM reports r JOIN reports seed ON seed.report_id = ?
       WHERE r.status = 'filed' AND (r.id = seed.id OR r.cluster_id = seed.cluster_id) ${ORDER}`,
    )
    .pluck()
    .all(reportId);
}

/** Live reports that mention any of the indicators, each once, in the order of `reportsMentioning`. */
export function reportsMentioningAny(sqlite: Database.Database, indicators: readonly CanonicalIndicator[]): Array<{ reportId: string; at: string }> {
  const byId = new Map(indicators.flatMap((indicator) => reportsMentioning(sqlite, indicator)).map((report) => [report.reportId, report]));
  return [...byId.values()].sort((a, b) => a.at.localeCompare(b.at) || a.reportId.localeCompare(b.reportId));
}

export function scopeReportIds(sqlite: Database.Database, scope: BundleScope): string[] {
  if (scope.indicator) return reportsMentioningAny(sqlite, [scope.indicator, ...(scope.batch ?? [])]).map((report) => report.reportId);
  if (scope.caseId) return caseReports(sqlite, scope.caseId);
  if (scope.clusterReportId) return clusterReports(sqlite, scope.clusterReportId);
  return [];
}
