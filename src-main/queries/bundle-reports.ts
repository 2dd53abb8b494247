/** The reports of a request's bundle and what they share, read for requests/ (which builds the letter from them). */
import type Database from 'better-sqlite3';
import type { Category } from '../../shared/intake/vocabulary';
import { byFieldPath, decodeMentionField, suspectSideFieldSql } from '../db/reports/mention-field';
import { mentionRawSql } from '../db/reports/mention-raw';
import { queryInChunks } from './in-chunks';

export interface BundleRow {
  id: number;
  reportId: string;
  revision: number;
  receivedAt: string;
  incidentAt: string | null;
  category: Category;
  lossCents: number;
  summary: string | null;
}

/** The live (filed) ones of these reports; withdrawn ones and ones this store lacks are left out. */
export function liveBundleRows(sqlite: Database.Database, reportIds: readonly string[]): BundleRow[] {
  return queryInChunks([...new Set(reportIds)], (chunk, placeholders) =>
    sqlite
      .prepare<string[], BundleRow>(
        `SELECT id, report_id AS reportId, revision, received_at AS receivedAt, incident_at AS incidentAt, category, loss_cents AS lossCents, summary
         FROM reports WHERE status = 'filed' AND report_id IN (${placeholders})`,
      )
      .all(...chunk),
  );
}

/** Where (which field) and as what (raw) a report names an indicator, prepared once for a bundle. */
export function createMentionsOfIndicator(sqlite: Database.Database): (reportRowId: number, indicatorId: number) => Array<{ field: string; raw: string }> {
  const mentions = sqlite.prepare<[number, number], { field: string; raw: string; rowid: number }>(
    `SELECT m.field, m.rowid, ${mentionRawSql('m.raw', 'i.value')} AS raw FROM mentions m JOIN indicators i ON i.id = m.indicator_id WHERE m.report_id = ? AND m.indicator_id = ?`,
  );
  return (reportRowId, indicatorId) =>
    mentions
      .all(reportRowId, indicatorId)
      .map((mention) => ({ field: decodeMentionField(mention.field, mention.rowid), raw: mention.raw }))
      .sort(byFieldPath);
}

/**
 * Non-benign indicators of these types that at least `minReports` of the reports name, most reports first, at most
 * `max`; with `suspectSideOnly`, only as named on the suspect's side of a report (its `suspect.*` fields and the
 * accounts paid to).
 */
export function sharedIndicatorValues(
  sqlite: Database.Database,
  reportIds: readonly string[],
  options: { types: readonly string[]; suspectSideOnly: boolean; minReports: number; max: number },
): Array<{ type: string; value: string }> {
  if (reportIds.length === 0) return [];
  const side = options.suspectSideOnly ? `AND ${suspectSideFieldSql('m.field')}` : '';
  return sqlite
    .prepare<unknown[], { type: string; value: string }>(
      `SELECT i.type, i.value FROM mentions m
         JOIN indicators i ON i.id = m.indicator_id
         JOIN reports r ON r.id = m.report_id
       WHERE r.report_id IN (SELECT value FROM json_each(?)) AND NOT m.benign AND i.type IN (SELECT value FROM json_each(?)) ${side}
       GROUP BY i.id HAVING count(DISTINCT m.report_id) >= ?
       ORDER BY count(DISTINCT m.report_id) DESC, i.value LIMIT ?`,
    )
    .all(JSON.stringify(reportIds), JSON.stringify(options.types), options.minReports, options.max);
}
