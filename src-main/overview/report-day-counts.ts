/**
 * The overview's per-day counts of filed reports (table `report_day_counts`): how many reports, and their loss, by
 * received day, category, region, team, assignee and work status. Triggers on `reports` keep it (migration
 * overview_day_counts_kept), so every writer moves it in the same statement; this module reads it and can rebuild it from the reports.
 * The backlog and weekly throughput read these few thousand rows instead of every report.
 */
import type Database from 'better-sqlite3';
import { dutchDaySql } from '../../shared/platform/dutch-days';
import { teamClause, teamParam } from './team-filter';

export interface DayGroup {
  day: string;
  category: string;
  region: string | null;
  team: string | null;
  assignee: string | null;
  workStatus: string;
  count: number;
  loss: number;
}


/** Every group received on or before `asOf` (a day), in key order; `team` limits to one team. */
export function dayGroupsUpTo(sqlite: Database.Database, asOf: string, team: string | null): DayGroup[] {
  return sqlite
    .prepare<Record<string, string>, DayGroup>(
      `SELECT day, category, nullif(region, '') AS region, nullif(team, '') AS team, nullif(assignee, '') AS assignee,
              work_status AS workStatus, reports AS count, loss_cents AS loss
         FROM report_day_counts WHERE day <= @asOf ${teamClause(team)}
        ORDER BY day, category, region, team, assignee, work_status`,
    )
    .all({ asOf, ...teamParam(team) });
}

/** Reports and loss per day and category from `from` to `to` (days, inclusive). */
export function categoryDays(sqlite: Database.Database, from: string, to: string, team: string | null): Array<{ day: string; category: string; count: number; loss: number }> {
  return sqlite
    .prepare<Record<string, string>, { day: string; category: string; count: number; loss: number }>(
      `SELECT day, category, sum(reports) AS count, sum(loss_cents) AS loss FROM report_day_counts
        WHERE day >= @from AND day <= @to ${teamClause(team)} GROUP BY day, category`,
    )
    .all({ from, to, ...teamParam(team) });
}

/** Filed reports received before `day`. */
export function reportsBefore(sqlite: Database.Database, day: string, team: string | null): number {
  return sqlite
    .prepare<Record<string, string>, number>(`SELECT coalesce(sum(reports), 0) FROM report_day_counts WHERE day < @day ${teamClause(team)}`)
    .pluck()
    .get({ day, ...teamParam(team) })!;
}

/** The counts as the reports give them now: what the triggers keep, computed from scratch. */
export const REPORT_DAY_COUNTS_FROM_REPORTS = `
  SELECT ${dutchDaySql('received_at')}, category, coalesce(region, ''), coalesce(route_team, ''), coalesce(assignee, ''), work_status, count(*), sum(loss_cents)
    FROM reports WHERE status = 'filed'
   GROUP BY 1, 2, 3, 4, 5, 6`;

/** Recomputes the table from the reports (after a restore, or to check it): in one transaction. */
export function rebuildReportDayCounts(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM report_day_counts').run();
    sqlite.prepare(`INSERT INTO report_day_counts (day, category, region, team, assignee, work_status, reports, loss_cents) ${REPORT_DAY_COUNTS_FROM_REPORTS}`).run();
  })();
}
