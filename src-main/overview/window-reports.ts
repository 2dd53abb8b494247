/**
 * The filed reports received in a window of days, read once along the received-at order (the queue's index holds
 * status, receipt and loss), and the window's reports naming one indicator found through its mentions alone —
 * never by looking up every report the indicator ever named (a campaign's account: thousands over a year).
 *
 * Row ids grow as reports arrive, so nearly all of a window's reports lie in one id range just below its last id:
 * an indicator's mentions are read in that range only (its index is ordered by indicator, then report). The few
 * window reports with an older id — first received before the window and revised into it, or fed out of order —
 * are looked up apart, by their own mentions.
 */
import type Database from 'better-sqlite3';
import { endOfDay, startOfDay } from './days';

export interface WindowReports {
  /** Row id → loss in cents, for each filed report received in the window (of the team, when given). */
  readonly loss: ReadonlyMap<number, number>;
  /** Row id → when it was received, for the same reports. */
  readonly receivedAt: ReadonlyMap<number, string>;
  /** The row ids of the window's reports naming the indicator (not benign), each once, in id order. */
  namedBy(indicatorId: number): number[];
  /** The row ids of the window's reports in the cluster, in id order. */
  inCluster(clusterId: number): number[];
}

/** A range of ids holds the window's reports densely when at most this many ids per window report fall in it. */
const SPREAD = 2;

export function windowReports(sqlite: Database.Database, fromDay: string, toDay: string, team: string | null): WindowReports {
  const rows = sqlite
    .prepare<Record<string, string>, [number, number, string, number | null, string | null]>(
      `SELECT id, loss_cents, received_at, cluster_id, ${team === null ? 'NULL' : 'route_team'} FROM reports WHERE status = 'filed' AND received_at >= @from AND received_at <= @end`,
    )
    .raw()
    .all({ from: startOfDay(fromDay), end: endOfDay(toDay) });
  const loss = new Map<number, number>();
  const receivedAt = new Map<number, string>();
  const clusters = new Map<number, number[]>();
  for (const [id, cents, at, clusterId, routeTeam] of rows) {
    if (team !== null && routeTeam !== team) continue;
    loss.set(id, cents);
    receivedAt.set(id, at);
    if (clusterId === null) continue;
    const members = clusters.get(clusterId);
    if (members) members.push(id);
    else clusters.set(clusterId, [id]);
  }
  // The range is found among all the window's reports (a team's are a share of every range).
  const ids = Float64Array.from(rows, ([id]) => id).sort();
  const last = ids.length === 0 ? 0 : ids[ids.length - 1]!;
  // The lowest id from which the ids up to the last are dense; those below are the stragglers.
  let first = 0;
  while (first < ids.length && last - ids[first]! + 1 > SPREAD * ids.length) first += 1;
  const low = first < ids.length ? ids[first]! : last + 1;
  const stragglers = new Map<number, number[]>();
  if (first > 0) {
    const mentionsOf = sqlite.prepare<[number], number>('SELECT DISTINCT indicator_id FROM mentions WHERE report_id = ? AND benign = 0').pluck();
    for (let index = 0; index < first; index += 1) {
      const reportId = ids[index]!;
      if (!loss.has(reportId)) continue;
      for (const indicatorId of mentionsOf.all(reportId)) {
        const list = stragglers.get(indicatorId);
        if (list) list.push(reportId);
        else stragglers.set(indicatorId, [reportId]);
      }
    }
  }
  const inRange = sqlite
    .prepare<[number, number, number], number>('SELECT DISTINCT report_id FROM mentions WHERE indicator_id = ? AND benign = 0 AND report_id >= ? AND report_id <= ?')
    .pluck();
  return {
    loss,
    receivedAt,
    namedBy(indicatorId) {
      const found = stragglers.get(indicatorId) ?? [];
      if (ids.length === 0) return found;
      return [...found, ...inRange.all(indicatorId, low, last).filter((reportId) => loss.has(reportId))];
    },
    inCluster: (clusterId) => [...(clusters.get(clusterId) ?? [])].sort((a, b) => a - b),
  };
}
