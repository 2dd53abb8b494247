/**
 * A change naming a report that retention purged is refused (410), so that a workstation that was offline across the
 * purge cannot bring the report's data back with a late note, assignment, link decision or case: the workstation
 * drops it from its outbox, and supervisors see it among the refused changes — without its payload, which may quote
 * the purged report. The named reports are locked as intake and the purge lock them, so a change and the purge of
 * its report never cross: the one waits for the other, then sees the report or its tombstone.
 *
 * A late text for a case or request that held a purged report may quote the report too, and the hub, which keeps no
 * word of it, cannot redact the quote on arrival as the purge redacted those before it. Such a text is refused when
 * it was written before two days after the day of the purge, judged by the earlier of its own `at` and the hub's
 * clock as it arrives (shared/retention/late-quotes.ts has the rule and why): a text dated ahead counts from its
 * arrival. The push and the purge lock the case or request, so a text pushed while its report is being purged is
 * either redacted by the purge or judged after it. A text written later, on a workstation that no longer holds the report, cannot quote it from its store, so
 * a case reopened after the purge, or one of forty reports that lost one of them, takes new notes again; and changes
 * that carry no text (reopening, an owner, a step without a reason) are taken at any time. A withdrawal remembers its
 * report's cases and requests as a purge does (../../intake/withdrawn-traces.ts), so the same rule keeps its quotes out.
 */
import { lockReports, lockSubjects } from '../../db/locks';
import type { HubDb } from '../../db/database';
import { quotingSubject, writtenWhileHeld } from '../../../shared/retention/late-quotes';
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
  code: 'RETENTION_WINDOW',
  reason:
    'the case or request held reports that expired and were removed under the retention period, or were withdrawn by their reporter; a text for it written before the workstations removed them too could quote them, so it is not taken (kept for a supervisor without its content)',
};

/** The refusal of each mutation that names a purged report, or may quote one (by its id); `arrivedAt` is the hub's clock at the push. */
export async function purgedRefusals(tx: HubDb, fresh: readonly PushedMutation[], arrivedAt: Date): Promise<Map<string, Refusal>> {
  const refusals = new Map<string, Refusal>();
  const named = fresh.map(({ mutation }) => ({ id: mutation.id, reportIds: reportsNamed(mutation) }));
  const reportIds = [...new Set(named.flatMap((entry) => entry.reportIds))];
  // The report locks first, then the subjects', in the purge's order (../../db/locks.ts).
  if (reportIds.length > 0) await lockReports(tx, reportIds);
  const quoting = fresh.flatMap(({ mutation }) => {
    const subject = quotingSubject(mutation);
    return subject === null ? [] : [{ mutation, subject }];
  });
  const subjects = quoting.map((entry) => entry.subject);
  // A purge of a report the case or request held waits for this push and then redacts its text, or this push waits
  // for the purge and finds the holder remembered: the two never cross.
  await lockSubjects(tx, subjects);
  const held = await heldPurgedAmong(tx, subjects);
  for (const { mutation, subject } of quoting) {
    const purgedOn = held.get(subject);
    if (purgedOn !== undefined && writtenWhileHeld(mutation, arrivedAt, purgedOn)) refusals.set(mutation.id, PURGED_HOLDER_REFUSAL);
  }
  if (reportIds.length === 0) return refusals;
  const purged = await purgedAmong(tx, reportIds);
  for (const entry of named) if (entry.reportIds.some((reportId) => purged.has(reportId))) refusals.set(entry.id, PURGED_REPORT_REFUSAL);
  return refusals;
}
