import type Database from 'better-sqlite3';
import type { CanonicalIndicator } from '../../../shared/indicators/types';
import { REQUEST_STATES, type RequestState } from '../../../shared/requests/lifecycle';
import { REQUEST_CONTENT_FIELDS, STEP_FIELD_PREFIX } from '../register-writes';
import { CREATED_FIELD, type JsonValue, type LiveValue, type RegisterState } from '../registers';
import { NOTHING, textOrNull, UNKNOWN_AUTHOR, type EntityAdapter } from './entity-adapter';

interface CreatedValue {
  kind: string;
  indicatorType: string | null;
  indicatorValue: string | null;
  caseId: string | null;
  clusterReportId: string | null;
  /** Absent in requests created before letters could be batched. */
  batchIndicators?: CanonicalIndicator[];
}

/** A step as the registers keep it; who and when come from the register itself. */
interface StepValue {
  from: string;
  reason: string | null;
  method: string | null;
  occurredAt: string | null;
  dueAt: string | null;
  reference: string | null;
}

export interface StoredStep extends StepValue {
  by: string;
  at: string;
}

/** The `payload` column of an action row. */
export interface StoredRequestPayload {
  reportIds: string[];
  includePersonalData: boolean;
  legalBasis: string;
  body: string;
  clusterReportId: string | null;
  /** A batched letter's further indicators (absent in older rows: none). */
  batchIndicators?: CanonicalIndicator[];
  steps: Record<string, StoredStep>;
}

interface RequestRow {
  kind: string;
  indicator_type: string | null;
  indicator_value: string | null;
  case_id: string | null;
  state: string;
  payload: string;
  created_by: string;
  created_at: string;
  title: string;
  addressee_id: string | null;
}

const asState = (value: JsonValue | undefined): RequestState => ((REQUEST_STATES as readonly unknown[]).includes(value) ? (value as RequestState) : 'draft');

/** The latest time any register of the action was written: when the officer last saw it change. */
function latestAt(fields: ReadonlyMap<string, RegisterState>): string {
  let latest = '';
  for (const state of fields.values()) if (state.at !== null && state.at > latest) latest = state.at;
  return latest;
}

function stepsOf(fields: ReadonlyMap<string, RegisterState>): Record<string, StoredStep> {
  const steps: Record<string, StoredStep> = {};
  for (const [field, state] of fields) {
    if (!field.startsWith(STEP_FIELD_PREFIX) || state.value === null) continue;
    steps[field.slice(STEP_FIELD_PREFIX.length)] = { ...(state.value as unknown as StepValue), by: state.officer ?? UNKNOWN_AUTHOR, at: state.at ?? '' };
  }
  return steps;
}

/** Follow-up actions: one row per action, its content and steps resolved from the action's registers. */
export function createRequestAdapter(sqlite: Database.Database): EntityAdapter {
  const select = sqlite.prepare<[string], RequestRow>(
    `SELECT kind, indicator_type, indicator_value, case_id, state, payload, created_by, created_at, title, addressee_id
       FROM requests WHERE id = ?`,
  );
  const upsert = sqlite.prepare(
    `INSERT INTO requests (id, kind, indicator_type, indicator_value, case_id, state, payload, created_by, created_at, updated_at,
                          title, addressee_id, sent_at, due_at, executed_at)
     VALUES (@id, @kind, @indicatorType, @indicatorValue, @caseId, @state, @payload, @createdBy, @createdAt, @updatedAt,
             @title, @addresseeId, @sentAt, @dueAt, @executedAt)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, indicator_type = excluded.indicator_type, indicator_value = excluded.indicator_value,
       case_id = excluded.case_id, state = excluded.state, payload = excluded.payload, created_by = excluded.created_by,
       created_at = excluded.created_at, updated_at = excluded.updated_at, title = excluded.title, addressee_id = excluded.addressee_id,
       sent_at = excluded.sent_at, due_at = excluded.due_at, executed_at = excluded.executed_at`,
  );
  const remove = sqlite.prepare<[string]>('DELETE FROM requests WHERE id = ?');

  function readField(row: RequestRow, field: string): LiveValue {
    const payload = JSON.parse(row.payload) as StoredRequestPayload;
    const author = { officer: row.created_by, at: row.created_at };
    if (field === CREATED_FIELD) {
      const created: CreatedValue = {
        kind: row.kind,
        indicatorType: row.indicator_type,
        indicatorValue: row.indicator_value,
        caseId: row.case_id,
        clusterReportId: payload.clusterReportId,
        ...(payload.batchIndicators?.length ? { batchIndicators: payload.batchIndicators } : {}),
      };
      return { value: created as unknown as JsonValue, ...author };
    }
    if (field.startsWith(STEP_FIELD_PREFIX)) {
      const step = payload.steps[field.slice(STEP_FIELD_PREFIX.length)];
      if (!step) return NOTHING;
      const { by, at, ...value } = step;
      return { value: value, officer: by, at };
    }
    const values: Record<string, JsonValue> = {
      state: row.state,
      title: row.title,
      addresseeId: row.addressee_id,
      includePersonalData: payload.includePersonalData,
      legalBasis: payload.legalBasis,
      body: payload.body,
      reportIds: payload.reportIds,
    };
    return field in values ? { value: values[field]!, ...author } : NOTHING;
  }

  return {
    read(actionId, field) {
      const row = select.get(actionId);
      return row ? readField(row, field) : NOTHING;
    },
    write(actionId, fields) {
      const creation = fields.get(CREATED_FIELD);
      if (!creation) return;
      if (creation.value === null) {
        remove.run(actionId);
        return;
      }
      const created = creation.value as unknown as CreatedValue;
      const content = Object.fromEntries(REQUEST_CONTENT_FIELDS.map((field) => [field, fields.get(field)?.value ?? null]));
      const steps = stepsOf(fields);
      const reportIds = fields.get('reportIds')?.value;
      const payload: StoredRequestPayload = {
        reportIds: Array.isArray(reportIds) ? (reportIds as string[]) : [],
        includePersonalData: content.includePersonalData === true,
        legalBasis: textOrNull(content.legalBasis) ?? '',
        body: textOrNull(content.body) ?? '',
        clusterReportId: created.clusterReportId,
        // Kept only for batched letters, so that finding them need not parse every request.
        ...(created.batchIndicators?.length ? { batchIndicators: created.batchIndicators } : {}),
        steps,
      };
      upsert.run({
        id: actionId,
        kind: created.kind,
        indicatorType: created.indicatorType,
        indicatorValue: created.indicatorValue,
        caseId: created.caseId,
        state: asState(fields.get('state')?.value),
        payload: JSON.stringify(payload),
        createdBy: creation.officer ?? UNKNOWN_AUTHOR,
        createdAt: creation.at ?? '',
        updatedAt: latestAt(fields),
        title: textOrNull(content.title) ?? '',
        addresseeId: textOrNull(content.addresseeId),
        sentAt: steps.sent?.occurredAt ?? null,
        dueAt: steps.sent?.dueAt ?? null,
        executedAt: steps.executed?.occurredAt ?? null,
      });
    },
  };
}
