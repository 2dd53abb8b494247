import type Database from 'better-sqlite3';
import { createActiveTeamMembers } from '../db/officers';
import { createOpenAssignedCount } from '../queries/report-route';
import type { TeamLoads } from './rule-engine';

/**
 * Active members of a team with their open (not closed) assigned reports, each counted over the `reports_work` index.
 * The report being routed does not count: routing it again must not move it only because it weighs on its assignee.
 */
export function createTeamLoads(sqlite: Database.Database): (routedReportId: string) => TeamLoads {
  const members = createActiveTeamMembers(sqlite);
  const open = createOpenAssignedCount(sqlite);
  return (routedReportId) => (team) => members(team).map((id) => ({ id, open: open(id, routedReportId) }));
}
