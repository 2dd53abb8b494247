/** A spike's candidates and their baseline, read from the kept per-day counts of indicators or clusters. */
import type Database from 'better-sqlite3';
import { teamClause, teamParam } from './team-filter';

const SOURCES = {
  indicator: { table: 'indicator_day_counts', key: 'indicator_id' },
  cluster: { table: 'cluster_day_counts', key: 'cluster_id' },
} as const;

/**
 * Per day from `from` to `to` (days, inclusive), the reports of each indicator or cluster that `minReports` or more
 * reports named (or joined) from `recentFrom` to `to`.
 */
export function busyDays(
  sqlite: Database.Database,
  source: keyof typeof SOURCES,
  window: { from: string; recentFrom: string; to: string; minReports: number },
  team: string | null,
): Array<{ key: number; day: string; count: number }> {
  const { table, key } = SOURCES[source];
  return sqlite
    .prepare<Record<string, string | number>, { key: number; day: string; count: number }>(
      `WITH candidates AS (
         SELECT ${key} AS key FROM ${table} WHERE day >= @recentFrom AND day <= @to ${teamClause(team)}
          GROUP BY ${key} HAVING sum(reports) >= @minReports)
       SELECT c.key, d.day, sum(d.reports) AS count FROM candidates c JOIN ${table} d ON d.${key} = c.key
        WHERE d.day >= @from AND d.day <= @to ${teamClause(team, 'd.team')}
        GROUP BY c.key, d.day`,
    )
    .all({ ...window, ...teamParam(team) });
}
