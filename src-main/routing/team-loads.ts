import type Database from 'better-sqlite3';
import type { TeamLoads } from './rule-engine';

/**
 * Active members of a team with their open (not closed) assigned reports, one query over the `reports_work` index.
 * The report being routed does not count: routing it again must not move it only because it weighs on its assignee.
 */
export function createTeamLoads(sqlite: Database.Database): (routedReportId: string) => TeamLoads {
  const loads = sqlite.prepare<[string, string], { id: string; open: number }>(
    `SELECT o.id,
       (SELECT count(*) FROM reports r WHERE r.work_status IN ('new', 'in_progress') AND r.assignee = o.id AND r.report_id != ?) AS open
     FROM officers o WHERE o.team = ? AND o.active = 1`,
  );
  return (routedReportId) => (team) => loads.all(routedReportId, team);
}
