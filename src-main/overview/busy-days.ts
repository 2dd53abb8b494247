/** A spike's candidates and their baseline, read from the kept per-day counts of indicators or clusters. */
import type Database from 'better-sqlite3';
import { teamClause, teamParam } from './team-filter';

const SOURCES = {
  indicator: { table: 'indicator_day_counts', key: 'indicator_id' },
  cluster: { table: 'cluster_day_counts', key: 'cluster_id' },
} as const;

type Source = keyof typeof SOURCES;

/**
 * The indicators or clusters that `minReports` or more reports named (or joined) from `recentFrom` to `to` (days,
 * inclusive), with those reports (`recent`) and their reports from `from` to the day before `recentFrom` (`before`):
 * all a spike is judged on. Their days are read only for the spikes shown (`keyDays`).
 */
export function busyKeys(
  sqlite: Database.Database,
  source: Source,
  window: { from: string; recentFrom: string; to: string; minReports: number },
  team: string | null,
): Array<{ key: number; recent: number; before: number }> {
  const { table, key } = SOURCES[source];
  return sqlite
    .prepare<Record<string, string | number>, { key: number; recent: number; before: number }>(
      `WITH candidates AS (
         SELECT ${key} AS key, sum(reports) AS recent FROM ${table} WHERE day >= @recentFrom AND day <= @to ${teamClause(team)}
          GROUP BY ${key} HAVING sum(reports) >= @minReports)
       SELECT key, recent, (SELECT coalesce(sum(d.reports), 0) FROM ${table} d WHERE d.${key} = c.key AND d.day >= @from AND d.day < @recentFrom ${teamClause(team, 'd.team')}) AS before
         FROM candidates c`,
    )
    .all({ ...window, ...teamParam(team) });
}

/** Reports per day of one indicator or cluster from `from` to `to` (days, inclusive). */
export function keyDays(sqlite: Database.Database, source: Source, team: string | null): (key: number, from: string, to: string) => Array<{ day: string; count: number }> {
  const { table, key } = SOURCES[source];
  const days = sqlite.prepare<Record<string, string | number>, { day: string; count: number }>(
    `SELECT day, sum(reports) AS count FROM ${table} WHERE ${key} = @key AND day >= @from AND day <= @to ${teamClause(team)} GROUP BY day`,
  );
  return (keyValue, from, to) => days.all({ key: keyValue, from, to, ...teamParam(team) });
}
