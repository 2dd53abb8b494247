/**
 * A change naming a report that retention purged is refused (410), so that a workstation that was offline across the
 * purge cannot bring the report's data back with a late note, assignment, link decision or case: the workstation
 * drops it from its outbox, and supervisors see it among the refused changes — without its payload, which may quote
 * the purged report. The named reports are locked as intake and the purge lock them, so a change and the purge of
 * its report never cross: the one waits for the other, then sees the report or its tombstone.
 *
 * A late note on a case or request that held a purged report (or a request's new text) may quote the report too, and
 * the hub, which keeps no word of it, cannot redact the quote on arrival as the purge redacted those before it. Such
 * a case or request expired with the report (it is what kept the report until then), so the change is refused alike.
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
  reason: 'the case or request held reports that expired and were removed under the retention period, and expired with them; it takes no new notes or texts, which could quote the removed reports (kept for a supervisor without its content)',
};

/** The case or request whose reports a change's text may quote: a note on it, or a request's new text. */
function quotingSubject(mutation: AnyMutation): string | null {
  if (mutation.kind === 'note.add') return mutation.payload.subjectType === 'report' ? null : `${mutation.payload.subjectType}:${mutation.payload.subjectId}`;
  if (mutation.kind === 'action.edit') return `action:${mutation.payload.actionId}`;
  return null;
}

/** The refusal of each mutation that names a purged report, or may quote one (by its id). */
export async function purgedRefusals(tx: HubDb, fresh: readonly PushedMutation[]): Promise<Map<string, Refusal>> {
  const refusals = new Map<string, Refusal>();
  const quoting = fresh.flatMap(({ mutation }) => {
    const subject = quotingSubject(mutation);
    return subject === null ? [] : [{ id: mutation.id, subject }];
  });
  const held = await heldPurgedAmong(tx, quoting.map((entry) => entry.subject));
  for (const entry of quoting) if (held.has(entry.subject)) refusals.set(entry.id, PURGED_HOLDER_REFUSAL);
  const named = fresh.map(({ mutation }) => ({ id: mutation.id, reportIds: reportsNamed(mutation) }));
  const reportIds = [...new Set(named.flatMap((entry) => entry.reportIds))];
  if (reportIds.length === 0) return refusals;
  await lockReports(tx, reportIds);
  const purged = await purgedAmong(tx, reportIds);
  for (const entry of named) if (entry.reportIds.some((reportId) => purged.has(reportId))) refusals.set(entry.id, PURGED_REPORT_REFUSAL);
  return refusals;
}
