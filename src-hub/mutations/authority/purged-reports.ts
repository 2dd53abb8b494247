/**
 * A change naming a report that retention purged is refused (410), so that a workstation that was offline across the
 * purge cannot bring the report's data back with a late note, assignment, link decision or case: the workstation
 * drops it from its outbox, and supervisors see it among the refused changes — without its payload, which may quote
 * the purged report. The named reports are locked as intake and the purge lock them, so a change and the purge of
 * its report never cross: the one waits for the other, then sees the report or its tombstone.
 */
import { lockReports } from '../../db/locks';
import type { HubDb } from '../../db/database';
import { purgedAmong } from '../../retention/tombstones';
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

/** The ids of the mutations that name a purged report. */
export async function namingPurgedReports(tx: HubDb, fresh: readonly PushedMutation[]): Promise<Set<string>> {
  const named = fresh.map(({ mutation }) => ({ id: mutation.id, reportIds: reportsNamed(mutation) }));
  const reportIds = [...new Set(named.flatMap((entry) => entry.reportIds))];
  if (reportIds.length === 0) return new Set();
  await lockReports(tx, reportIds);
  const purged = await purgedAmong(tx, reportIds);
  if (purged.size === 0) return new Set();
  return new Set(named.filter((entry) => entry.reportIds.some((reportId) => purged.has(reportId))).map((entry) => entry.id));
}
