import type Database from 'better-sqlite3';
import type { IndicatorMentionView, ReportDetail } from '../../shared/api/views';
import type { IndicatorEnrichment, IndicatorType } from '../../shared/indicators/types';
import { byFieldPath, decodeMentionField } from '../db/reports/mention-field';
import { mentionRawSql } from '../db/reports/mention-raw';
import { casesOfReport } from '../mutations/case-members';
import { NARRATIVE_FIELD, narrativeHighlights } from './narrative-highlights';
import { currentRecord, requireReportRow } from './report-record';
import { maskReporter } from './reporter-mask';

interface MentionRow {
  type: IndicatorType;
  value: string;
  field: string;
  raw: string;
  benignReason: string | null;
  enrichment: string | null;
  rowid: number;
}

function mentionsOf(sqlite: Database.Database, key: number): IndicatorMentionView[] {
  return sqlite
    .prepare<[number], MentionRow>(
      `SELECT i.type, i.value, m.field, m.rowid, ${mentionRawSql('m.raw', 'i.value')} AS raw, i.benign_reason AS benignReason, i.enrichment
       FROM mentions m JOIN indicators i ON i.id = m.indicator_id WHERE m.report_id = ? ORDER BY i.type, i.value`,
    )
    .all(key)
    .map(({ rowid, ...row }) => ({ ...row, field: decodeMentionField(row.field, rowid), enrichment: row.enrichment === null ? null : (JSON.parse(row.enrichment) as IndicatorEnrichment) }))
    .sort(byFieldPath); // stable: by field path, then type and value as selected
}

/** Everything the report screen shows but its route (routing's own); the reporter masked (see report.revealReporter). */
export function reportDetail(sqlite: Database.Database, reportId: string): Omit<ReportDetail, 'route'> {
  const row = requireReportRow(sqlite, reportId);
  const { reporter, ...record } = currentRecord(sqlite, row);
  const indicators = mentionsOf(sqlite, row.id);
  const inNarrative = indicators
    .filter((mention) => mention.field === NARRATIVE_FIELD)
    .map((mention) => ({ type: mention.type, value: mention.value, raw: mention.raw, benign: mention.benignReason !== null }));
  const caseIds = casesOfReport(sqlite, reportId);
  return {
    reportId: row.reportId,
    revision: row.revision,
    status: row.status,
    receivedAt: row.receivedAt,
    firstReceivedAt: row.firstReceivedAt,
    channel: row.channel,
    kind: row.kind,
    category: row.category,
    region: row.region,
    summary: row.summary,
    narrative: row.narrative,
    narrativeHighlights: narrativeHighlights(row.narrative, inNarrative),
    lossCents: row.lossCents,
    workStatus: row.workStatus,
    assignee: row.assignee,
    clusterId: row.clusterId,
    clusterSize: row.clusterSize,
    reporter: maskReporter(reporter),
    record,
    indicators,
    caseIds,
  };
}
