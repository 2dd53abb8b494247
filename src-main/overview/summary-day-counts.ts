/**
 * The overview's filed reports per received day, summary and team (table `summary_day_counts`). Triggers on
 * `reports` keep it (migration 0022), so a row goes with the last filed report of its words (withdrawn, purged,
 * revised); this module reads it and can rebuild it. Rising terms read these rows — the few distinct summaries of
 * two weeks (campaigns' templates repeat) — instead of every report.
 */
import type Database from 'better-sqlite3';
import { dutchDaySql } from '../../shared/platform/dutch-days';
import { teamClause, teamParam } from './team-filter';
import { writeTransaction } from '../db/write-transaction';

/** Each distinct summary from `from` to `to` (days, inclusive) with its reports before and from `recentFrom`. */
export function summaryWeeks(sqlite: Database.Database, window: { from: string; recentFrom: string; to: string }, team: string | null): Array<[summary: string, thisWeek: number, lastWeek: number]> {
  return sqlite
    .prepare<Record<string, string>, [string, number, number]>(
      `SELECT summary, sum(CASE WHEN day >= @recentFrom THEN reports ELSE 0 END), sum(CASE WHEN day < @recentFrom THEN reports ELSE 0 END)
         FROM summary_day_counts WHERE day >= @from AND day <= @to ${teamClause(team)} GROUP BY summary`,
    )
    .raw()
    .all({ ...window, ...teamParam(team) });
}

/** Recomputes the table from the reports (after a restore, or to check it). */
export function rebuildSummaryDayCounts(sqlite: Database.Database): void {
  writeTransaction(sqlite, () => {
    sqlite.prepare('DELETE FROM summary_day_counts').run();
    sqlite
      .prepare(
        `INSERT INTO summary_day_counts (day, summary, team, reports)
         SELECT ${dutchDaySql('received_at')}, summary, coalesce(route_team, ''), count(*) FROM reports
          WHERE status = 'filed' AND summary IS NOT NULL GROUP BY 1, 2, 3`,
      )
      .run();
  })();
}
