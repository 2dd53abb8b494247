import type Database from 'better-sqlite3';
import type { IndicatorSummaryView } from '../../shared/api/summary';
import type { IndicatorEnrichment, IndicatorType } from '../../shared/indicators/types';
import { AppError } from '../../shared/errors';

/** The puzzle summary of one indicator: how many live reports, how much loss, when, what kinds, where. */
export type IndicatorSummary = IndicatorSummaryView;

function countBy(rows: Array<{ key: string | null; n: number }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.key ?? 'onbekend'] = row.n;
  return counts;
}

export function indicatorSummary(sqlite: Database.Database, type: string, value: string): IndicatorSummary {
  const indicator = sqlite
    .prepare<[string, string], { id: number; enrichment: string | null; benignReason: string | null }>(
      'SELECT id, enrichment, benign_reason AS benignReason FROM indicators WHERE type = ? AND value = ?',
    )
    .get(type, value);
  if (!indicator) throw new AppError('NOT_FOUND', `No report mentions ${type} ${value}.`);
  const liveReports = `SELECT DISTINCT r.id, r.category, r.region, r.loss_cents, r.first_received_at
    FROM mentions m JOIN reports r ON r.id = m.report_id WHERE m.indicator_id = ? AND r.status = 'filed'`;
  const totals = sqlite
    .prepare<[number], { reports: number; loss: number; firstSeen: string | null; lastSeen: string | null }>(
      // total(): an indicator whose reports were all withdrawn sums to 0, not null.
      `SELECT count(*) AS reports, total(loss_cents) AS loss, min(first_received_at) AS firstSeen, max(first_received_at) AS lastSeen
       FROM (${liveReports})`,
    )
    .get(indicator.id)!;
  const grouped = (column: 'category' | 'region') =>
    sqlite
      .prepare<[number], { key: string | null; n: number }>(`SELECT ${column} AS key, count(*) AS n FROM (${liveReports}) GROUP BY ${column} ORDER BY n DESC`)
      .all(indicator.id);
  return {
    type: type as IndicatorType,
    value,
    enrichment: indicator.enrichment ? (JSON.parse(indicator.enrichment) as IndicatorEnrichment) : null,
    benignReason: indicator.benignReason,
    reports: totals.reports,
    totalLossCents: totals.loss,
    firstSeen: totals.firstSeen,
    lastSeen: totals.lastSeen,
    categories: countBy(grouped('category')),
    regions: countBy(grouped('region')),
  };
}
