import type { IntakeRecord } from '../../shared/intake/schema';
import { toUtc } from '../../shared/intake/revision-rules';
import { eurLossCents } from './money';

/** What the citizen wrote, for the row and the search index; a withdrawn report keeps none of it. */
export interface ReportText {
  summary: string | null;
  narrative: string | null;
}

export function reportText(record: IntakeRecord): ReportText {
  const filed = record.status === 'filed';
  return { summary: filed ? (record.incident?.summary ?? null) : null, narrative: filed ? (record.incident?.narrative ?? null) : null };
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

export function rowValues(record: IntakeRecord, text: ReportText, receivedAt: string, firstReceivedAt: string, at: string): RowValues {
  const filed = record.status === 'filed';
  return [
    record.revision,
    record.status,
    receivedAt,
    firstReceivedAt,
    record.channel,
    record.kind,
    record.category,
    record.region ?? null,
    filed ? (record.reporter?.type ?? null) : null,
    text.summary,
    text.narrative,
    filed ? eurLossCents(record.payments) : 0,
    filed && record.incident?.firstContactAt ? toUtc(record.incident.firstContactAt) : null,
    at,
  ];
}
