/**
 * The Logboek's answers: asked of the hub, which holds every workstation's audit log (and answers only a supervisor,
 * within their regions), with this workstation's entries the hub did not hold yet added; this workstation's log
 * alone when there is no hub or it cannot be reached. An answer names its snapshot (`asOf`, `held`, `upToId`), so
 * its next pages and its export hold exactly what the list shows.
 */
import { logbookQuestion, type LogbookEntryView, type LogbookPage, type LogbookQuery } from '../../shared/api/views';
import { AppError } from '../../shared/errors';
import { upcastAuditEntry } from '../../shared/mutations/upcast';
import { AUDIT_ENTRIES_PAGE_MAX, type AuditQuestion, type HubAuditEntry } from '../../shared/hub/protocol';
import { intakeEntryAbout } from '../../shared/audit/intake-batch';
import { workstationId } from '../audit/chain-entries';
import { newestEntryId } from '../audit/audit-entries';
import { logbook, logbookTotal, purposeOf } from '../queries/logbook';
import type { ApiContext } from './context';

/** Entries a page of the list asks for: a few screens. */
const HUB_PAGE = 500;
/** A next page of this workstation's own log (no hub answer): `local:` and the entry to continue below. */
const LOCAL_CURSOR = /^local:(\d{1,15})$/;
/** Most entries one CSV holds; a longer answer is narrowed first (a shorter period). */
export const LOGBOOK_EXPORT_LIMIT = 100_000;

const HUB_UNANSWERED = 'the hub gives no answer now, so this answer cannot be continued: ask the question again';

function hubQuestion(query: LogbookQuery, here: string, after: string | undefined, limit: number): AuditQuestion {
  return {
    ...(query.reportId !== undefined ? { report: query.reportId } : {}),
    ...(query.officer !== undefined ? { officer: query.officer } : {}),
    ...(query.from !== undefined ? { from: query.from } : {}),
    ...(query.to !== undefined ? { to: query.to } : {}),
    ...(query.asOf !== undefined ? { asOf: query.asOf } : {}),
    ...(after !== undefined ? { after } : {}),
    limit,
    workstation: here,
  };
}

/** The hub's entries as shown: about one report, an intake batch entry shows only what it says of that report. */
const entryViews = (query: LogbookQuery) => (entry: HubAuditEntry): LogbookEntryView[] => {
  const view = entryView(entry);
  return query.reportId === undefined ? [view] : intakeEntryAbout(view, query.reportId).reverse();
};

function entryView(entry: HubAuditEntry): LogbookEntryView {
  let details: Record<string, unknown> | null = null;
  try {
    details = entry.details === null ? null : (JSON.parse(entry.details) as Record<string, unknown>);
  } catch {
    // The hub keeps the text its workstation hashed; one that is no JSON shows as no details, never as a failure.
  }
  const { seq, details: _text, ...rest } = entry;
  // Shown in this version's words, whichever version logged it (the hub keeps it as chained).
  const shown = upcastAuditEntry({ ...rest, id: seq, details });
  return { ...shown, purpose: purposeOf(shown.details) };
}

/**
 * The hub's entries, without this workstation's after the part the hub held at the snapshot: those are listed from this
 * workstation's own log (notSentYet), also when a later page or the export finds them on the hub by then.
 */
const heldPart = (here: string, held: number) => (entry: HubAuditEntry) => entry.workstationId !== here || entry.seq <= held;

/** This workstation's entries after the part the hub held at the snapshot, up to the newest the answer includes. */
const notSentYet = (context: ApiContext, query: LogbookQuery, held: number, upToId: number, limit?: number) =>
  logbook(context.store.sqlite, { ...logbookQuestion(query), upToId }, { afterId: held, ...(limit !== undefined ? { limit } : {}) });

/**
 * A hub that refused the question (another region's report, or no right to ask) is not worked around with this
 * workstation's own log; only the demo's embedded hub, which the demo syncs with a shared token, refuses anyone.
 */
const refusedByHub = (context: ApiContext, answer: { unanswered: string }) => answer.unanswered === 'refused' && !context.sync.usesEmbeddedHub();

/**
 * A page of this workstation's own log, newest first, when the hub gave no answer: the first, or the next below
 * `beforeId` (of the same snapshot, `upToId`). Paged like the hub's answer, so nothing is cut however long the log.
 */
function localPage(context: ApiContext, query: LogbookQuery, unanswered: { hubUnanswered: LogbookPage['hubUnanswered']; refused: boolean }, beforeId?: number): LogbookPage {
  const { sqlite } = context.store;
  const { hubUnanswered, refused } = unanswered;
  const upToId = query.upToId ?? newestEntryId(sqlite);
  const snapshot = { ...logbookQuestion(query), upToId };
  const { entries, truncated: more } = refused ? { entries: [], truncated: false } : logbook(sqlite, snapshot, { limit: HUB_PAGE, ...(beforeId !== undefined ? { beforeId } : {}) });
  const last = entries.at(-1);
  return {
    entries,
    truncated: false,
    source: 'local',
    hubUnanswered,
    total: beforeId !== undefined ? null : refused ? 0 : logbookTotal(sqlite, snapshot),
    next: more && last !== undefined ? `local:${last.id}` : null,
    workstationId: workstationId(sqlite),
    query: snapshot,
  };
}

/** One page of the answer: the first (no `after`), or the next of a hub's answer or of this workstation's own log. */
export async function answerLogbook(context: ApiContext, { after, ...query }: LogbookQuery & { after?: string }): Promise<LogbookPage> {
  const { sqlite } = context.store;
  const here = workstationId(sqlite);
  const localNext = after === undefined ? null : LOCAL_CURSOR.exec(after);
  if (localNext !== null) {
    // Asked again, so that a question the hub refuses is not read from this workstation's log by a made-up cursor.
    const asked = await context.sync.auditEntries(hubQuestion(query, here, undefined, 1));
    if ('unanswered' in asked && refusedByHub(context, asked)) throw new AppError('FORBIDDEN', `${HUB_UNANSWERED} (${asked.message})`);
    const hubUnanswered = 'unanswered' in asked ? { reason: asked.unanswered, message: asked.message } : null;
    return localPage(context, query, { hubUnanswered, refused: false }, Number(localNext[1]));
  }
  if (after !== undefined && query.asOf === undefined) throw new AppError('BAD_INPUT', 'after: a next page continues a hub answer (with its asOf)');
  const answer = await context.sync.auditEntries(hubQuestion(query, here, after, HUB_PAGE));
  if ('unanswered' in answer) {
    if (query.asOf !== undefined) throw new AppError('UNAVAILABLE', `${HUB_UNANSWERED} (${answer.message})`);
    return localPage(context, query, { hubUnanswered: { reason: answer.unanswered, message: answer.message }, refused: refusedByHub(context, answer) });
  }
  const held = answer.held ?? query.held ?? 0;
  const upToId = query.upToId ?? newestEntryId(sqlite);
  const unsent = after === undefined ? notSentYet(context, query, held, upToId) : { entries: [], truncated: false };
  return {
    entries: [...unsent.entries, ...answer.entries.filter(heldPart(here, held)).flatMap(entryViews(query))],
    // More of this workstation's entries than one page wait to be sent: the page says so (they reach the hub soon).
    truncated: unsent.truncated,
    source: 'hub',
    hubUnanswered: null,
    total: answer.total === null ? null : answer.total + unsent.entries.length,
    next: answer.next,
    workstationId: here,
    query: { ...logbookQuestion(query), asOf: answer.asOf, held, upToId },
  };
}

/** The entries, unless more match than one CSV holds. */
function withinExportLimit({ entries, truncated }: { entries: LogbookEntryView[]; truncated: boolean }): LogbookEntryView[] {
  if (truncated) throw new AppError('BAD_INPUT', `the answer holds more than ${LOGBOOK_EXPORT_LIMIT} entries, more than one CSV: ask for a shorter period`);
  return entries;
}

/** Every entry of the answer shown (its snapshot), for the CSV; refused beyond LOGBOOK_EXPORT_LIMIT. */
export async function exportedEntries(context: ApiContext, query: LogbookQuery): Promise<LogbookEntryView[]> {
  const { sqlite } = context.store;
  const here = workstationId(sqlite);
  if (query.asOf === undefined) {
    // This workstation's own log, shown because the hub did not answer: not when it refused.
    const asked = await context.sync.auditEntries(hubQuestion(query, here, undefined, 1));
    if ('unanswered' in asked && refusedByHub(context, asked)) throw new AppError('FORBIDDEN', `${HUB_UNANSWERED} (${asked.message})`);
    return withinExportLimit(logbook(sqlite, query, { limit: LOGBOOK_EXPORT_LIMIT }));
  }
  const entries = withinExportLimit(notSentYet(context, query, query.held ?? 0, query.upToId ?? newestEntryId(sqlite), LOGBOOK_EXPORT_LIMIT));
  let after: string | undefined;
  do {
    const page = await context.sync.auditEntries(hubQuestion(query, here, after, AUDIT_ENTRIES_PAGE_MAX));
    if ('unanswered' in page) throw new AppError('UNAVAILABLE', `${HUB_UNANSWERED} (${page.message})`);
    entries.push(...page.entries.filter(heldPart(here, query.held ?? 0)).flatMap(entryViews(query)));
    withinExportLimit({ entries, truncated: entries.length > LOGBOOK_EXPORT_LIMIT });
    after = page.next ?? undefined;
  } while (after !== undefined);
  return entries;
}
