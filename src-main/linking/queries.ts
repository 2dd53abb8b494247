import type Database from 'better-sqlite3';
import type { CanonicalIndicator, IndicatorType } from '../../shared/indicators/types';
import { AppError } from '../../shared/errors';
import { decodeMentionField } from '../db/reports/mention-field';

export interface ReportIndicatorRow extends CanonicalIndicator {
  reportId: string;
  benign: boolean;
}

/** Canonical indicators of every live report (or one), in a stable order. */
export function* listReportIndicators(sqlite: Database.Database, reportId?: string): Generator<ReportIndicatorRow> {
  const rows = sqlite
    .prepare<unknown[], { reportId: string; type: IndicatorType; value: string; benign: number }>(
      `SELECT r.report_id AS reportId, i.type, i.value, max(m.benign) AS benign
       FROM reports r JOIN mentions m ON m.report_id = r.id JOIN indicators i ON i.id = m.indicator_id
       WHERE r.status = 'filed' ${reportId === undefined ? '' : 'AND r.report_id = ?'}
       GROUP BY r.id, i.id ORDER BY r.report_id, i.type, i.value`,
    )
    .iterate(...(reportId === undefined ? [] : [reportId]));
  for (const row of rows) yield { reportId: row.reportId, type: row.type, value: row.value, benign: row.benign === 1 };
}

export interface SharedIndicator extends CanonicalIndicator {
  /** Where this report mentions it, e.g. `suspect.bankAccounts[0]`. */
  fields: string[];
  /** Where the related report mentions it. */
  theirFields: string[];
}

export interface RelatedReport {
  reportId: string;
  shared: SharedIndicator[];
}

export function findLiveReportKey(sqlite: Database.Database, reportId: string): number {
  const row = sqlite.prepare<[string], { id: number; status: string }>('SELECT id, status FROM reports WHERE report_id = ?').get(reportId);
  if (!row) throw new AppError('NOT_FOUND', `Report ${reportId} is not in this store.`);
  return row.id;
}

/**
 * Live reports that share a non-benign indicator with this one, each with the indicators and fields that explain it.
 * Two steps, not one join: this report's linking mentions, then each indicator's other holders from the indicator
 * index. A join yields a row per pair of fields and reads the related report's row for each: thousands of rows for
 * a popular indicator.
 */
export function relatedReports(sqlite: Database.Database, reportId: string): RelatedReport[] {
  const key = findLiveReportKey(sqlite, reportId);
  const own = new Map<number, CanonicalIndicator & { fields: string[] }>();
  const ownMentions = sqlite.prepare<[number], { indicatorId: number; type: IndicatorType; value: string; field: string; rowid: number }>(
    `SELECT m.indicator_id AS indicatorId, i.type, i.value, m.field, m.rowid
     FROM mentions m JOIN indicators i ON i.id = m.indicator_id
     WHERE m.report_id = ? AND m.benign = 0`,
  );
  for (const row of ownMentions.all(key)) {
    const indicator = own.get(row.indicatorId);
    const field = decodeMentionField(row.field, row.rowid);
    if (indicator) indicator.fields.push(field);
    else own.set(row.indicatorId, { type: row.type, value: row.value, fields: [field] });
  }

  const otherHolders = sqlite
    .prepare<[number, number], [reportKey: number, field: string, rowid: number]>('SELECT report_id, field, rowid FROM mentions WHERE indicator_id = ? AND benign = 0 AND report_id != ?')
    .raw();
  /** Per related report (local key), per shared indicator: the fields where that report mentions it. */
  const theirs = new Map<number, Map<number, string[]>>();
  for (const indicatorId of own.keys()) {
    for (const [reportKey, storedField, rowid] of otherHolders.all(indicatorId, key)) {
      const field = decodeMentionField(storedField, rowid);
      let shared = theirs.get(reportKey);
      if (!shared) theirs.set(reportKey, (shared = new Map<number, string[]>()));
      const fields = shared.get(indicatorId);
      if (fields) fields.push(field);
      else shared.set(indicatorId, [field]);
    }
  }

  const liveReportId = sqlite.prepare<[number], string>("SELECT report_id FROM reports WHERE id = ? AND status = 'filed'").pluck();
  const compareIndicators = (a: CanonicalIndicator, b: CanonicalIndicator) =>
    a.type === b.type ? a.value.localeCompare(b.value) : a.type.localeCompare(b.type);
  const related: RelatedReport[] = [];
  for (const [reportKey, shared] of theirs) {
    const relatedId = liveReportId.get(reportKey);
    if (relatedId === undefined) continue;
    related.push({
      reportId: relatedId,
      shared: [...shared]
        .map(([indicatorId, theirFields]) => {
          const { type, value, fields } = own.get(indicatorId)!;
          return { type, value, fields: [...fields].sort(), theirFields: theirFields.sort() };
        })
        .sort(compareIndicators),
    });
  }
  return related.sort((a, b) => b.shared.length - a.shared.length || a.reportId.localeCompare(b.reportId));
}

export interface ClusterView {
  /** Report ids, sorted. */
  cluster: string[];
  /** Non-benign indicators that at least two of its reports share, sorted. */
  via: CanonicalIndicator[];
}

/** Every cluster of two or more live reports, ordered by its first report id (independent of import order). */
export function listClusters(sqlite: Database.Database): ClusterView[] {
  const members = new Map<number, string[]>();
  const memberRows = sqlite
    .prepare<[], { clusterId: number; reportId: string }>(
      'SELECT cluster_id AS clusterId, report_id AS reportId FROM reports WHERE cluster_id IS NOT NULL ORDER BY report_id',
    )
    .iterate();
  for (const row of memberRows) {
    const list = members.get(row.clusterId);
    if (list) list.push(row.reportId);
    else members.set(row.clusterId, [row.reportId]);
  }
  const via = new Map<number, CanonicalIndicator[]>();
  const viaRows = sqlite
    .prepare<[], { clusterId: number; type: IndicatorType; value: string }>(
      `SELECT r.cluster_id AS clusterId, i.type, i.value
       FROM mentions m JOIN reports r ON r.id = m.report_id JOIN indicators i ON i.id = m.indicator_id
       WHERE r.cluster_id IS NOT NULL AND m.benign = 0
       GROUP BY r.cluster_id, m.indicator_id HAVING count(DISTINCT m.report_id) >= 2
       ORDER BY i.type, i.value`,
    )
    .iterate();
  for (const row of viaRows) {
    const list = via.get(row.clusterId);
    const indicator = { type: row.type, value: row.value };
    if (list) list.push(indicator);
    else via.set(row.clusterId, [indicator]);
  }
  return [...members.entries()]
    .filter(([, reportIds]) => reportIds.length >= 2)
    .map(([clusterId, reportIds]) => ({ cluster: reportIds, via: via.get(clusterId) ?? [] }))
    .sort((a, b) => a.cluster[0]!.localeCompare(b.cluster[0]!));
}
