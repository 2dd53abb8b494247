/**
 * When each closed report was closed, for counting closures per week and the backlog as of a past day. A closure
 * is a `report.setWorkStatus` mutation: this workstation's own ones wait in (or were acknowledged from) the outbox,
 * other officers' arrive from the hub into `field_versions` with the time they were made. Reads only those
 * mutations, never the per-report audit log (a million rows).
 */
import type Database from 'better-sqlite3';

/** report_id → when it was last set to closed (UTC ISO). */
export function closureTimes(sqlite: Database.Database): Map<string, string> {
  const rows = sqlite
    .prepare<[], { reportId: string; at: string }>(
      `SELECT json_extract(payload, '$.reportId') AS reportId, created_at AS at FROM outbox
        WHERE kind = 'report.setWorkStatus' AND state != 'rejected' AND json_extract(payload, '$.status') = 'closed'
       UNION ALL
       SELECT entity_id AS reportId, at FROM field_versions
        WHERE entity = 'report' AND field = 'workStatus' AND value = '"closed"' AND at IS NOT NULL`,
    )
    .all();
  const closed = new Map<string, string>();
  for (const { reportId, at } of rows) {
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
