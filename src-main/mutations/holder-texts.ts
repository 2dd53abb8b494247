/**
 * The other texts of the cases and requests that hold a purged or withdrawn report, besides their notes
 * (./report-traces.ts): a case's title and close reason, a request's title, legal basis and body (in its registers;
 * the row's body is redacted with its list, ./report-traces.ts), its steps' reasons and references — the fields shared/retention/late-quotes.ts names. The report's words in them become the placeholder,
 * in the tables, their sync registers and conflict notices, and the outbox, as the hub's purge and withdrawal do.
 */
import type Database from 'better-sqlite3';
import { preparedOnce } from '../db/prepared-once';
import { withRedactedTexts } from '../../shared/retention/late-quotes';
import { redactReportWords, type ReportWords } from '../../shared/retention/report-words';
import { CREATED_FIELD } from './registers';
import { STEP_FIELD_PREFIX } from './register-writes';
import { CASES_EVER_LISTING, REQUEST_QUOTES_REPORT, redactOutbox } from './report-traces';

/**
 * The registers that hold a case's or a request's texts. Each stored value is redacted itself: a register holds what
 * the hub confirmed, which a pending change of the officer's shown in the row may differ from (a refusal rolls back
 * to it).
 */
const TEXT_REGISTERS = { case: [CREATED_FIELD, 'title', 'closeReason'], action: ['title', 'legalBasis', 'body'] } as const;

type Redact = (text: string) => string;

/** The JSON value with every string in it redacted. */
function redactStrings(value: unknown, redact: Redact): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, redact));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item, redact)]));
  return value;
}

/** A JSON text with its strings redacted; null when nothing in it changed. */
function redactedJson(text: string, redact: Redact): string | null {
  const value: unknown = JSON.parse(text);
  const next = JSON.stringify(redactStrings(value, redact));
  return next === JSON.stringify(value) ? null : next;
}

function redactRegisters(sqlite: Database.Database, entity: keyof typeof TEXT_REGISTERS, entityId: string, redact: Redact): void {
  const fields: readonly string[] = TEXT_REGISTERS[entity];
  const holdsText = (field: string) => fields.includes(field) || (entity === 'action' && field.startsWith(STEP_FIELD_PREFIX));
  const registers = preparedOnce<[string, string], { field: string; value: string }>(sqlite, 'SELECT field, value FROM field_versions WHERE entity = ? AND entity_id = ?')
    .all(entity, entityId)
    .filter((register) => holdsText(register.field));
  const update = preparedOnce<[string, string, string, string]>(sqlite, 'UPDATE field_versions SET value = ? WHERE entity = ? AND entity_id = ? AND field = ?');
  for (const register of registers) {
    const value = redactedJson(register.value, redact);
    if (value !== null) update.run(value, entity, entityId, register.field);
  }
  const conflicts = preparedOnce<[string, string], { id: number; myValue: string; winningValue: string; field: string }>(
    sqlite,
    'SELECT id, field, my_value AS myValue, winning_value AS winningValue FROM sync_conflicts WHERE entity = ? AND entity_id = ?',
  )
    .all(entity, entityId)
    .filter((conflict) => holdsText(conflict.field));
  const updateConflict = preparedOnce<[string, string, number]>(sqlite, 'UPDATE sync_conflicts SET my_value = ?, winning_value = ? WHERE id = ?');
  for (const conflict of conflicts) {
    const mine = redactedJson(conflict.myValue, redact);
    const winning = redactedJson(conflict.winningValue, redact);
    if (mine !== null || winning !== null) updateConflict.run(mine ?? conflict.myValue, winning ?? conflict.winningValue, conflict.id);
  }
}

/**
 * Redacts the report's words in the texts of the cases that ever listed it and the requests that may quote it (call it
 * before a purge deletes its memberships and their registers). Returns those cases and requests (`case:<id>`, `action:<id>`).
 */
export function redactHolderTexts(sqlite: Database.Database, reportId: string, words: ReportWords, placeholder: string): Set<string> {
  const redact: Redact = (text) => redactReportWords(text, words, placeholder);

  const cases = preparedOnce<[{ reportId: string }], { id: string; title: string; closeReason: string | null }>(
    sqlite,
    `SELECT id, title, close_reason AS closeReason FROM cases WHERE id IN ${CASES_EVER_LISTING}`,
  ).all({ reportId });
  const updateCase = preparedOnce<[string, string | null, string]>(sqlite, 'UPDATE cases SET title = ?, close_reason = ? WHERE id = ?');
  for (const held of cases) {
    const title = redact(held.title);
    const closeReason = held.closeReason === null ? null : redact(held.closeReason);
    if (title !== held.title || closeReason !== held.closeReason) updateCase.run(title, closeReason, held.id);
    redactRegisters(sqlite, 'case', held.id, redact);
  }

  const requests = preparedOnce<[{ reportId: string }], { id: string; title: string; payload: string }>(sqlite, `SELECT a.id, a.title, a.payload FROM requests a WHERE ${REQUEST_QUOTES_REPORT}`)
    .all({ reportId });
  const updateRequest = preparedOnce<[string, string, string]>(sqlite, 'UPDATE requests SET title = ?, payload = ? WHERE id = ?');
  for (const request of requests) {
    const payload = JSON.parse(request.payload) as { legalBasis?: unknown; steps?: Record<string, { reason?: unknown; reference?: unknown }> };
    const next = {
      ...payload,
      ...(typeof payload.legalBasis === 'string' ? { legalBasis: redact(payload.legalBasis) } : {}),
      ...(payload.steps ? { steps: Object.fromEntries(Object.entries(payload.steps).map(([state, step]) => [state, redactStep(step, redact)])) } : {}),
    };
    const title = redact(request.title);
    if (title !== request.title || JSON.stringify(next) !== JSON.stringify(payload)) updateRequest.run(title, JSON.stringify(next), request.id);
    redactRegisters(sqlite, 'action', request.id, redact);
  }

  const holders = new Set([...cases.map((held) => `case:${held.id}`), ...requests.map((request) => `action:${request.id}`)]);
  redactOutbox(sqlite, "kind LIKE 'case.%' OR kind LIKE 'action.%'", (payload, kind) => {
    const subject = typeof payload.actionId === 'string' ? `action:${payload.actionId}` : `case:${String(payload.caseId)}`;
    if (!holders.has(subject)) return null;
    const next = withRedactedTexts(kind, payload, redact);
    return JSON.stringify(next) === JSON.stringify(payload) ? null : next;
  });
  return holders;
}

const redactStep = <Step extends { reason?: unknown; reference?: unknown }>(step: Step, redact: Redact): Step => ({
  ...step,
  ...(typeof step.reason === 'string' ? { reason: redact(step.reason) } : {}),
  ...(typeof step.reference === 'string' ? { reference: redact(step.reference) } : {}),
});
