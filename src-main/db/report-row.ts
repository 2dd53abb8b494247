import type { IntakeRecord } from '../../shared/intake/schema';
import { toUtc } from '../../shared/intake/revision-rules';
import { eurLossCents } from './money';

/** What the citizen wrote, for the row and the search index; a withdrawn report keeps none of it. */
export interface ReportText {
  summary: string | null;
  narrative: string | null;
}

/**
 * What a report's row takes from one revision's record. Derived where the record is parsed — on the prepare worker,
 * as a rule — so that the thread writing the store neither parses the record again nor derives these.
 */
export interface RecordRow extends ReportText {
  reportId: string;
  revision: number;
  status: IntakeRecord['status'];
  /** In UTC (revision-rules.ts toUtc), as the row stores it. */
  receivedAt: string;
  channel: string;
  kind: string;
  category: string;
  region: string | null;
  reporterType: string | null;
  lossCents: number;
  incidentAt: string | null;
}

export function recordRow(record: IntakeRecord): RecordRow {
  const filed = record.status === 'filed';
  return {
    reportId: record.reportId,
    revision: record.revision,
    status: record.status,
    receivedAt: toUtc(record.receivedAt),
    channel: record.channel,
    kind: record.kind,
    category: record.category,
    region: record.region ?? null,
    reporterType: filed ? (record.reporter?.type ?? null) : null,
    summary: filed ? (record.incident?.summary ?? null) : null,
    narrative: filed ? (record.incident?.narrative ?? null) : null,
    lossCents: filed ? eurLossCents(record.payments) : 0,
    incidentAt: filed && record.incident?.firstContactAt ? toUtc(record.incident.firstContactAt) : null,
  };
}

/**
 * The reports columns each revision sets, in the order of the writer's INSERT and UPDATE: positional parameters,
 * because binding by name costs a lookup per column on every row.
 */
export type RowValues = [
  revision: number,
  status: string,
  receivedAt: string,
  firstReceivedAt: string,
  channel: string,
  kind: string,
  category: string,
  region: string | null,
  reporterType: string | null,
  summary: string | null,
  narrative: string | null,
  lossCents: number,
  incidentAt: string | null,
  updatedAt: string,
];

export function rowValues(row: RecordRow, firstReceivedAt: string, at: string): RowValues {
  return [
    row.revision,
    row.status,
    row.receivedAt,
    firstReceivedAt,
    row.channel,
    row.kind,
    row.category,
    row.region,
    row.reporterType,
    row.summary,
    row.narrative,
    row.lossCents,
    row.incidentAt,
    at,
  ];
}
