/**
 * The overview's filed reports per received day, indicator and team (table `indicator_day_counts`): how many
 * reports name each indicator (not benign) each day, and their loss. Triggers on `mentions` and `reports` keep it
 * (migration 0020), so every writer moves it in the same statement; this module reads it and can rebuild it.
 * Spikes, the harm ranking and fresh brand domains read these rows instead of joining every report of their
 * windows with its mentions. Each indicator's sums over its rows and its first and last day are kept beside them in
 * `indicator_totals` (triggers on this table, migration 0037), so that those two read only the indicators that can matter.
 */
import type Database from 'better-sqlite3';
import { dutchDaySql } from '../../shared/platform/dutch-days';
import { teamClause, teamParam } from './team-filter';
import { writeTransaction } from '../db/write-transaction';

/** The reports naming an indicator received on or before `to` (a day), and their loss. */
export function indicatorTotals(sqlite: Database.Database, team: string | null): (indicatorId: number, to: string) => { reports: number; loss: number } {
  const totals = sqlite.prepare<Record<string, string | number>, { reports: number; loss: number }>(
    `SELECT coalesce(sum(reports), 0) AS reports, coalesce(sum(loss_cents), 0) AS loss FROM indicator_day_counts
      WHERE indicator_id = @indicatorId AND day <= @to ${teamClause(team)}`,
  );
  return (indicatorId, to) => totals.get({ indicatorId, to, ...teamParam(team) })!;
}

/** The counts as the reports give them now: what the triggers keep, computed from scratch. */
export const INDICATOR_DAY_COUNTS_FROM_REPORTS = `
  SELECT ${dutchDaySql('r.received_at')}, p.indicator_id, coalesce(r.route_team, ''), count(*), sum(r.loss_cents)
    FROM (SELECT DISTINCT report_id, indicator_id FROM mentions WHERE benign = 0) p JOIN reports r ON r.id = p.report_id
   WHERE r.status = 'filed'
   GROUP BY 1, 2, 3`;

/**
 * The harm ranking's key of an indicator's totals (the expression of the index `indicator_totals_harm`): no window's
 * harm per day of the indicator exceeds (key + days) / days (harm.ts says why).
 */
export const HARM_KEY_SQL = '(2.0 * loss_cents * reports / (reports + 1) + reports)';

/**
 * Recomputes the table from the reports and their mentions (after a restore, or to check it), and with it the
 * totals: emptied first, so that the day counts' deletion has nothing to look up again, then summed by the triggers.
 */
export function rebuildIndicatorDayCounts(sqlite: Database.Database): void {
  writeTransaction(sqlite, () => {
    sqlite.prepare('DELETE FROM indicator_totals').run();
    sqlite.prepare('DELETE FROM indicator_day_counts').run();
    sqlite.prepare(`INSERT INTO indicator_day_counts (day, indicator_id, team, reports, loss_cents) ${INDICATOR_DAY_COUNTS_FROM_REPORTS}`).run();
  })();
}
