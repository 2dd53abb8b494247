/** A `requests` row as the adapter writes it (columns + payload JSON, see docs/design/actions-and-routing.md). */
import type Database from 'better-sqlite3';
import type { ActionKind, ActionState, SendMethod } from '../../shared/requests/lifecycle';
import type { ActionStepView } from '../../shared/api/action-views';
import { AppError } from '../../shared/errors';
import type { CanonicalIndicator, IndicatorType } from '../../shared/indicators/types';

interface StepRecord {
  from: ActionState;
  by: string;
  at: string;
  reason: string | null;
  method: SendMethod | null;
  occurredAt: string | null;
  dueAt: string | null;
  reference: string | null;
}

interface ActionPayloadRecord {
  reportIds: string[];
  includePersonalData: boolean;
  legalBasis: string;
  body: string;
  clusterReportId: string | null;
  /** A batched letter's further indicators; empty for one. */
  batchIndicators: CanonicalIndicator[];
  /** The last transition into each state. */
  steps: Partial<Record<ActionState, StepRecord>>;
}

export interface ActionRecord {
  id: string;
  kind: ActionKind;
  indicator: CanonicalIndicator | null;
  caseId: string | null;
  state: ActionState;
  title: string;
  addresseeId: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  dueAt: string | null;
  executedAt: string | null;
  payload: ActionPayloadRecord;
}

interface ActionRow extends Omit<ActionRecord, 'indicator' | 'payload'> {
  indicatorType: IndicatorType | null;
  indicatorValue: string | null;
  payload: string;
}

const ACTION_COLUMNS = `a.id, a.kind, a.indicator_type AS indicatorType, a.indicator_value AS indicatorValue, a.case_id AS caseId, a.state,
  a.title, a.addressee_id AS addresseeId, a.created_by AS createdBy, a.created_at AS createdAt, a.updated_at AS updatedAt,
  a.sent_at AS sentAt, a.due_at AS dueAt, a.executed_at AS executedAt, a.payload`;

function parsePayload(text: string): ActionPayloadRecord {
  const parsed = JSON.parse(text) as Partial<ActionPayloadRecord>;
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

function toActionRecord(row: ActionRow): ActionRecord {
  const { indicatorType, indicatorValue, payload, ...rest } = row;
  return {
    ...rest,
    indicator: indicatorType !== null && indicatorValue !== null ? { type: indicatorType, value: indicatorValue } : null,
    payload: parsePayload(payload),
  };
}

export function selectActionRows(sqlite: Database.Database, where: string, params: readonly unknown[]): ActionRecord[] {
  return sqlite
    .prepare<unknown[], ActionRow>(`SELECT ${ACTION_COLUMNS} FROM requests a ${where}`)
    .all(...params)
    .map(toActionRecord);
}

export function requireAction(sqlite: Database.Database, actionId: string): ActionRecord {
  const [record] = selectActionRows(sqlite, 'WHERE a.id = ?', [actionId]);
  if (!record) throw new AppError('NOT_FOUND', `Request ${actionId} does not exist.`);
  return record;
}

/** The steps taken, newest first. */
export function stepViews(record: ActionRecord): ActionStepView[] {
  return Object.entries(record.payload.steps)
    .map(([to, step]) => ({
      to: to as ActionState,
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
