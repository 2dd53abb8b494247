import { logConsultation } from '../audit/consultation';
import { createAuditAppender } from '../audit/audit-log';
import type { ApiContext } from './context';

/**
 * Notes in the audit log that the signed-in officer saw a report's personal data (ids and the purpose): with a
 * purpose as a consultation, without one as a plain view.
 */
export function auditRead(context: ApiContext, action: string, reportId: string, purpose: string | undefined, details?: Record<string, unknown>): void {
  const at = context.clock.now().toISOString();
  const subject = { actor: context.officer.id, action, subjectType: 'report', subjectId: reportId };
  if (purpose === undefined) createAuditAppender(context.store.sqlite)(at, { ...subject, details });
  else logConsultation(context.store.sqlite, at, { ...subject, purpose, ...(details ? { details } : {}) });
}

/** The last search logged per context, so a list refreshed by arriving reports does not log the same search again. */
const lastSearch = new WeakMap<ApiContext, { key: string; at: number }>();
/** The same officer, query and purpose within this time is one search. */
const SAME_SEARCH_MS = 10 * 60 * 1000;

/** Logs a search typed by the officer: the query, the filters' shape and the purpose. */
export function auditSearch(context: ApiContext, query: string, purpose: string | undefined, results: number): void {
  const now = context.clock.now();
  const key = JSON.stringify([context.officer.id, query, purpose ?? null]);
  const last = lastSearch.get(context);
  if (last?.key === key && now.getTime() - last.at < SAME_SEARCH_MS) return;
  lastSearch.set(context, { key, at: now.getTime() });
  const entry = { actor: context.officer.id, action: 'search.ran', subjectType: 'search', subjectId: query };
  if (purpose === undefined) createAuditAppender(context.store.sqlite)(now.toISOString(), { ...entry, details: { results } });
  else logConsultation(context.store.sqlite, now.toISOString(), { ...entry, purpose, details: { results } });
}
