import type Database from 'better-sqlite3';
import { createActiveTeamMembers } from '../db/officers';
import type { TeamLoads } from './rule-engine';

/**
 * Active members of a team with their open (not closed) assigned reports, each counted over the `reports_work` index.
 * The report being routed does not count: routing it again must not move it only because it weighs on its assignee.
 */
export function createTeamLoads(sqlite: Database.Database): (routedReportId: string) => TeamLoads {
  const members = createActiveTeamMembers(sqlite);
  const open = sqlite
    .prepare<[string, string], number>("SELECT count(*) FROM reports WHERE work_status IN ('new', 'in_progress') AND assignee = ? AND report_id != ?")
    .pluck();
  return (routedReportId) => (team) => members(team).map((id) => ({ id, open: open.get(id, routedReportId) ?? 0 }));
}
