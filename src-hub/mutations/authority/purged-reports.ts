/**
 * A change naming a report that retention purged is refused (410), so that a workstation that was offline across the
 * purge cannot bring the report's data back with a late note, assignment, link decision or case: the workstation
 * drops it from its outbox, and supervisors see it among the refused changes — without its payload, which may quote
 * the purged report. The named reports are locked as intake and the purge lock them, so a change and the purge of
 * its report never cross: the one waits for the other, then sees the report or its tombstone.
 *
 * A late text for a case or request that held a purged report may quote the report too, and the hub, which keeps no
 * word of it, cannot redact the quote on arrival as the purge redacted those before it: a note on it, a case's new
 * title or close reason, a request's new title, text or legal basis, a step's reason or reference, a new request on
 * the case. Such a text is refused when it was written before two days after the day of the purge. Every workstation
 * applies the same periods and rules in its own daily run, which removes the report and redacts its quotes in the
 * outbox too; the run comes at least once a day while the workstation runs, and at its start after a pause, and
 * `at` is the workstation's own clock, the one its run counts days by. A text written later, on a workstation that
 * no longer holds the report, cannot quote it from its store, so a case reopened after the purge, or one of forty
 * reports that lost one of them, takes new notes again; and changes that carry no text (reopening, an owner, a step
 * without a reason) are taken at any time.
 */
import { lockReports } from '../../db/locks';
import type { HubDb } from '../../db/database';
import type { AnyMutation } from '../../../shared/mutations/kinds';
import { heldPurgedAmong, purgedAmong } from '../../retention/tombstones';
import { reportsNamed } from '../reach/subjects';
import type { PushedMutation } from './enforce';
import type { Refusal } from './refusal';

export const PURGED_REPORT_REFUSAL: Refusal = {
  status: 410,
  code: 'CONFLICT',
  reason: 'a report it names expired and was removed under the retention period; the change is not taken, so that it does not bring the report back (kept for a supervisor without its content)',
  keep: true,
  withoutPayload: true,
};

export const PURGED_HOLDER_REFUSAL: Refusal = {
  ...PURGED_REPORT_REFUSAL,
  reason:
    'the case or request held reports that expired and were removed under the retention period; a text for it written before the workstations removed them too could quote them, so it is not taken (kept for a supervisor without its content)',
};

/** How long after the day of a purge a text for its holders may still come from a workstation that holds the report. */
export const HOLDER_QUOTE_WINDOW_MS = 2 * 24 * 60 * 60_000;

const hasText = (...values: ReadonlyArray<string | null | undefined>) => values.some((value) => typeof value === 'string' && value.length > 0);

/** The case or request whose reports a change's text may quote, when it carries text. */
function quotingSubject(mutation: AnyMutation): string | null {
  switch (mutation.kind) {
    case 'note.add':
      return mutation.payload.subjectType === 'report' ? null : `${mutation.payload.subjectType}:${mutation.payload.subjectId}`;
    case 'case.update':
      return hasText(mutation.payload.title, mutation.payload.closeReason) ? `case:${mutation.payload.caseId}` : null;
    case 'action.create':
      return mutation.payload.caseId === null ? null : `case:${mutation.payload.caseId}`;
    case 'action.edit':
      return hasText(mutation.payload.title, mutation.payload.body, mutation.payload.legalBasis) ? `action:${mutation.payload.actionId}` : null;
    case 'action.transition':
      return hasText(mutation.payload.reason, mutation.payload.reference) ? `action:${mutation.payload.actionId}` : null;
    default:
      return null;
  }
}

/** Was the text written before the workstations' own runs removed what the holder's purge on `purgedOn` removed? */
const writtenWhileHeld = (mutation: AnyMutation, purgedOn: string) => Date.parse(mutation.at) < Date.parse(`${purgedOn}T00:00:00Z`) + HOLDER_QUOTE_WINDOW_MS;

/** The refusal of each mutation that names a purged report, or may quote one (by its id). */
export async function purgedRefusals(tx: HubDb, fresh: readonly PushedMutation[]): Promise<Map<string, Refusal>> {
  const refusals = new Map<string, Refusal>();
  const quoting = fresh.flatMap(({ mutation }) => {
    const subject = quotingSubject(mutation);
    return subject === null ? [] : [{ mutation, subject }];
  });
  const held = await heldPurgedAmong(tx, quoting.map((entry) => entry.subject));
  for (const { mutation, subject } of quoting) {
    const purgedOn = held.get(subject);
    if (purgedOn !== undefined && writtenWhileHeld(mutation, purgedOn)) refusals.set(mutation.id, PURGED_HOLDER_REFUSAL);
  }
  const named = fresh.map(({ mutation }) => ({ id: mutation.id, reportIds: reportsNamed(mutation) }));
  const reportIds = [...new Set(named.flatMap((entry) => entry.reportIds))];
  if (reportIds.length === 0) return refusals;
  await lockReports(tx, reportIds);
  const purged = await purgedAmong(tx, reportIds);
  for (const entry of named) if (entry.reportIds.some((reportId) => purged.has(reportId))) refusals.set(entry.id, PURGED_REPORT_REFUSAL);
  return refusals;
}
