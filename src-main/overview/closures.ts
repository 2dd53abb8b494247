/**
 * When each closed report was closed, for counting closures per week and the backlog as of a past day: the
 * `report.setWorkStatus` changes that closed it (mutations/closure-moments.ts).
 */
import type Database from 'better-sqlite3';
import { closureMoments } from '../mutations/closure-moments';

/** report_id → when it was last set to closed (UTC ISO). */
export function closureTimes(sqlite: Database.Database): Map<string, string> {
  const closed = new Map<string, string>();
  for (const { reportId, at } of closureMoments(sqlite)) {
    const utc = new Date(at).toISOString();
    const known = closed.get(reportId);
    if (known === undefined || utc > known) closed.set(reportId, utc);
  }
  return closed;
}

/**
 * When a closed report counts as closed: at its last closure, but never before it was received (a workstation
 * clock behind the intake's), and at its receipt when no closure moment is known.
 */
export function closedMoment(closedAt: string | undefined, receivedAt: string): string {
  return closedAt === undefined || closedAt < receivedAt ? receivedAt : closedAt;
}
