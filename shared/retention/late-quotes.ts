/**
 * A text for a case or request that held a report retention purged may quote the report when it was written on a
 * workstation that still held it: a note on the case or request, a case's new title or close reason, a request's new
 * title, text or legal basis, a step's reason or reference, a new request on the case. Every workstation purges the
 * same report in its own daily run within a day of the hub, so a text written two days after the day of the purge
 * cannot quote it from a store. The hub refuses an earlier one (src-hub/mutations/authority/purged-reports.ts); a
 * workstation that purged before the hub did redacts one arriving in the feed (src-main/ingest/apply-feed-page.ts).
 *
 * When a text was written is judged by the earlier of its own `at` and the moment it arrived (the hub's clock at the
 * push, the workstation's at the pull): `at` is the writer's clock, which its own retention run counts days by, so a
 * workstation whose clock is behind dates its texts as early as its run comes late; but `at` is the writer's word, so
 * a text dated ahead counts from its arrival. A text held back and dated after the window is not told apart from one
 * retyped from memory.
 */
import type { AnyMutation } from '../mutations/kinds';
import { PURGED_QUOTE } from './holds';
import { WITHDRAWN_QUOTE } from './report-words';

/** How long after the day of a purge a text for its holders may still come from a workstation that held the report. */
export const LATE_QUOTE_WINDOW_MS = 2 * 24 * 60 * 60_000;

/**
 * The text fields each kind may carry for a case or request: the ones a late text is refused for, and the ones a
 * purge redacts the purged report's words in (src-hub/retention/purge.ts, src-main/mutations/report-traces.ts).
 */
const TEXT_FIELDS = {
  'note.add': ['body'],
  'case.create': ['title'],
  'case.update': ['title', 'closeReason'],
  'action.create': ['title', 'body', 'legalBasis'],
  'action.edit': ['title', 'body', 'legalBasis'],
  'action.transition': ['reason', 'reference'],
} as const satisfies Partial<Record<AnyMutation['kind'], readonly string[]>>;

type TextKind = keyof typeof TEXT_FIELDS;

const carriesText = (mutation: AnyMutation): mutation is Extract<AnyMutation, { kind: TextKind }> => Object.hasOwn(TEXT_FIELDS, mutation.kind);

const textsOf = (mutation: Extract<AnyMutation, { kind: TextKind }>): string[] => {
  const payload = mutation.payload as unknown as Record<string, unknown>;
  return TEXT_FIELDS[mutation.kind].flatMap((field) => {
    const value = payload[field];
    return typeof value === 'string' && value.length > 0 ? [value] : [];
  });
};

/** The kinds that may carry text for a case or request. */
export const QUOTING_KINDS = Object.keys(TEXT_FIELDS) as TextKind[];

/** The text fields a change of this kind may quote a report in (none for a kind that carries no text). */
export const quotingFields = (kind: string): readonly string[] => (Object.hasOwn(TEXT_FIELDS, kind) ? TEXT_FIELDS[kind as TextKind] : []);

/** The payload with `redact` applied to each text a change of this kind may quote a report in; the rest as it was. */
export function withRedactedTexts<Payload extends Record<string, unknown>>(kind: string, payload: Payload, redact: (text: string) => string): Payload {
  const next: Record<string, unknown> = { ...payload };
  for (const field of quotingFields(kind)) {
    const text = payload[field];
    if (typeof text === 'string') next[field] = redact(text);
  }
  return next as Payload;
}

/** The case or request whose reports a change's text may quote (`case:<id>`, `action:<id>`), when it carries text. */
export function quotingSubject(mutation: AnyMutation): string | null {
  if (!carriesText(mutation) || textsOf(mutation).length === 0) return null;
  switch (mutation.kind) {
    case 'note.add':
      return mutation.payload.subjectType === 'report' ? null : `${mutation.payload.subjectType}:${mutation.payload.subjectId}`;
    case 'case.create':
    case 'case.update':
      return `case:${mutation.payload.caseId}`;
    case 'action.create':
      return mutation.payload.caseId === null ? null : `case:${mutation.payload.caseId}`;
    case 'action.edit':
    case 'action.transition':
      return `action:${mutation.payload.actionId}`;
  }
}

/**
 * Why a note on a report its reporter withdrew, written before two days after the withdrawal, is refused: on the hub
 * (src-hub/mutations/authority/withdrawn-notes.ts) and, in the same words, at once on the workstation that knows it.
 */
export const WITHDRAWN_NOTE_REASON =
  'the report was withdrawn by its reporter; a note on it written before the workstations received the withdrawal could quote it, so it is not taken';

/** The report a note is on, when it carries text that may quote it. */
export const reportOfNote = (mutation: AnyMutation): string | null =>
  mutation.kind === 'note.add' && mutation.payload.subjectType === 'report' && mutation.payload.body.length > 0 ? mutation.payload.subjectId : null;

/** The day (YYYY-MM-DD) from which texts for a holder purged on `purgedOn` are taken again. */
export const lateQuoteWindowEnd = (purgedOn: string): string => new Date(Date.parse(`${purgedOn}T00:00:00Z`) + LATE_QUOTE_WINDOW_MS).toISOString().slice(0, 10);

/** Was the text written (the earlier of its `at` and its arrival) before two days after `purgedOn` (YYYY-MM-DD)? */
export function writtenWhileHeld(mutation: AnyMutation, arrivedAt: Date, purgedOn: string): boolean {
  const written = Math.min(Date.parse(mutation.at), arrivedAt.getTime());
  // An unreadable `at` is no proof of lateness.
  return !(written >= Date.parse(`${lateQuoteWindowEnd(purgedOn)}T00:00:00Z`));
}

/** What happened to a report whose quotes are kept out of texts: retention purged it, or its reporter withdrew it. */
export type QuoteRemoval = 'purged' | 'withdrawn';

/** The mark a quote of a removed report leaves, saying which of the two happened to it. */
export const removedQuoteMark = (removal: QuoteRemoval): string => (removal === 'withdrawn' ? WITHDRAWN_QUOTE : PURGED_QUOTE);

/**
 * The change with each of its texts replaced by the mark of a quote of a report that was purged or withdrawn
 * (`removal`); the rest of it (a status, an owner) stands.
 */
export function withoutLateQuotes(mutation: AnyMutation, removal: QuoteRemoval): AnyMutation {
  if (!carriesText(mutation)) return mutation;
  const mark = removedQuoteMark(removal);
  const payload = withRedactedTexts(mutation.kind, mutation.payload as unknown as Record<string, unknown>, (text) => (text.length > 0 ? mark : text));
  return { ...mutation, payload } as AnyMutation;
}
