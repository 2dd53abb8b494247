/** A `requests` row as the adapter writes it (columns + payload JSON, see docs/design/actions-and-routing.md). */
import type Database from 'better-sqlite3';
import type { RequestKind, RequestState, SendMethod } from '../../shared/requests/lifecycle';
import type { RequestStepView } from '../../shared/api/request-views';
import { AppError } from '../../shared/errors';
import type { CanonicalIndicator, IndicatorType } from '../../shared/indicators/types';

interface StepRecord {
  from: RequestState;
  by: string;
  at: string;
  reason: string | null;
  method: SendMethod | null;
  occurredAt: string | null;
  dueAt: string | null;
  reference: string | null;
}

interface RequestPayloadRecord {
  reportIds: string[];
  includePersonalData: boolean;
  legalBasis: string;
  body: string;
  clusterReportId: string | null;
  /** A batched letter's further indicators; empty for one. */
  batchIndicators: CanonicalIndicator[];
  /** The last transition into each state. */
  steps: Partial<Record<RequestState, StepRecord>>;
}

export interface RequestRecord {
  id: string;
  kind: RequestKind;
  indicator: CanonicalIndicator | null;
  caseId: string | null;
  state: RequestState;
  title: string;
  addresseeId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  dueAt: string | null;
  executedAt: string | null;
  payload: RequestPayloadRecord;
}

interface RequestRow extends Omit<RequestRecord, 'indicator' | 'payload'> {
  indicatorType: IndicatorType | null;
  indicatorValue: string | null;
  payload: string;
}

const REQUEST_COLUMNS = `a.id, a.kind, a.indicator_type AS indicatorType, a.indicator_value AS indicatorValue, a.case_id AS caseId, a.state,
  a.title, a.addressee_id AS addresseeId, a.created_by AS createdBy, a.created_at AS createdAt, a.updated_at AS updatedAt,
  a.sent_at AS sentAt, a.due_at AS dueAt, a.executed_at AS executedAt, a.payload`;

function parsePayload(text: string): RequestPayloadRecord {
  const parsed = JSON.parse(text) as Partial<RequestPayloadRecord>;
  return {
    reportIds: parsed.reportIds ?? [],
    includePersonalData: parsed.includePersonalData ?? false,
    legalBasis: parsed.legalBasis ?? '',
    body: parsed.body ?? '',
    clusterReportId: parsed.clusterReportId ?? null,
    batchIndicators: parsed.batchIndicators ?? [],
    steps: parsed.steps ?? {},
  };
}

function toRequestRecord(row: RequestRow): RequestRecord {
  const { indicatorType, indicatorValue, payload, ...rest } = row;
  return {
    ...rest,
    indicator: indicatorType !== null && indicatorValue !== null ? { type: indicatorType, value: indicatorValue } : null,
    payload: parsePayload(payload),
  };
}

export function selectRequestRows(sqlite: Database.Database, where: string, params: readonly unknown[]): RequestRecord[] {
  return sqlite
    .prepare<unknown[], RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM requests a ${where}`)
    .all(...params)
    .map(toRequestRecord);
}

export function requireRequest(sqlite: Database.Database, actionId: string): RequestRecord {
  const [record] = selectRequestRows(sqlite, 'WHERE a.id = ?', [actionId]);
  if (!record) throw new AppError('NOT_FOUND', `Request ${actionId} does not exist.`);
  return record;
}

/** The steps taken, newest first. */
export function stepViews(record: RequestRecord): RequestStepView[] {
  return Object.entries(record.payload.steps)
    .map(([to, step]) => ({
      to: to as RequestState,
      from: step.from,
      by: step.by,
      at: step.at,
      reason: step.reason,
      method: step.method,
      occurredAt: step.occurredAt,
      dueAt: step.dueAt,
      reference: step.reference,
    }))
    .sort((a, b) => b.at.localeCompare(a.at) || a.to.localeCompare(b.to));
}
