import { checkPurpose } from '../../shared/audit/purpose';
import { mayReadAudit } from '../../shared/audit/readers';
import { AppError } from '../../shared/errors';
import { logConsultation } from '../audit/consultation';
import { actorOf } from '../mutations/services/guards';
import type { ApiContext } from './context';

/** The purpose as logged; params validation has checked it already, so a failure here is a caller's bypass. */
export function checkedPurpose(purpose: string | undefined): string {
  const checked = checkPurpose(purpose);
  if (!checked.ok) throw new AppError('BAD_INPUT', checked.message);
  return checked.purpose;
}

/**
 * FORBIDDEN unless the signed-in officer may read the audit log's consultations (shared/audit/readers.ts); the
 * role comes from this store's officers table, never from the caller. `what` completes "Only a supervisor or the
 * privacy officer can …".
 */
export function requireAuditReader(context: ApiContext, what: string): void {
  if (!mayReadAudit(actorOf(context.store.sqlite, context.officer.id).role)) throw new AppError('FORBIDDEN', `Only a supervisor or the privacy officer can ${what}.`);
}

/** Notes in the audit log that the signed-in officer saw a report's personal data: ids and the purpose (checked). */
export function auditRead(context: ApiContext, action: string, reportId: string, purpose: string, details?: Record<string, unknown>): void {
  logConsultation(context.store.sqlite, context.clock.now().toISOString(), { actor: context.officer.id, action, subjectType: 'report', subjectId: reportId, purpose, ...(details ? { details } : {}) });
}

/** The last search logged per context, so a list refreshed by arriving reports does not log the same search again. */
const lastSearch = new WeakMap<ApiContext, { key: string; at: number }>();
/** The same officer, query and purpose within this time is one search. */
const SAME_SEARCH_MS = 10 * 60 * 1000;

/** Where a typed search looked: the queue's reports (`search.ran`) or the indicator list (`indicator.searched`). */
export type SearchAction = 'search.ran' | 'indicator.searched';

/** Logs a search typed by the officer: the query, the number of results and the purpose (checked). */
export function auditSearch(context: ApiContext, query: string, purpose: string, results: number, action: SearchAction = 'search.ran'): void {
  const now = context.clock.now();
  const key = JSON.stringify([context.officer.id, action, query, purpose]);
  const last = lastSearch.get(context);
  if (last?.key === key && now.getTime() - last.at < SAME_SEARCH_MS) return;
  lastSearch.set(context, { key, at: now.getTime() });
  logConsultation(context.store.sqlite, now.toISOString(), { actor: context.officer.id, action, subjectType: 'search', subjectId: query, purpose, details: { results } });
}
