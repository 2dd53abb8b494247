/**
 * The overview's filed reports per received day, indicator shape and team (table `shape_day_counts`): a report
 * counts once for each shape (rising-shapes.ts) its indicators (not benign) have. Triggers on `mentions` and
 * `reports` keep it, with the shapes from the view `indicator_shapes` (each indicator's shape stored once in the
 * index `indicators_shape`, migration 0036); this module reads it and can rebuild it. Rising shapes read these
 * rows instead of every report's mentions.
 */
import type Database from 'better-sqlite3';
import { dutchDaySql } from '../../shared/platform/dutch-days';
import type { ShapeKind } from '../../shared/overview/types';
import { teamClause, teamParam } from './team-filter';
import { writeTransaction } from '../db/write-transaction';

/** Reports per shape from `from` to `to` (days, inclusive), split at `recentFrom`. */
export function shapeWeeks(
  sqlite: Database.Database,
  window: { from: string; recentFrom: string; to: string },
  team: string | null,
): Array<{ kind: ShapeKind; shape: string; thisWeek: number; lastWeek: number }> {
  return sqlite
    .prepare<Record<string, string>, { kind: ShapeKind; shape: string; thisWeek: number; lastWeek: number }>(
      `SELECT kind, shape, sum(CASE WHEN day >= @recentFrom THEN reports ELSE 0 END) AS thisWeek, sum(CASE WHEN day < @recentFrom THEN reports ELSE 0 END) AS lastWeek
         FROM shape_day_counts WHERE day >= @from AND day <= @to ${teamClause(team)} GROUP BY kind, shape`,
    )
    .all({ ...window, ...teamParam(team) });
}

/** Recomputes the table from the reports, their mentions and the indicators' shapes (after a restore, or to check it). */
export function rebuildShapeDayCounts(sqlite: Database.Database): void {
  writeTransaction(sqlite, () => {
    sqlite.prepare('DELETE FROM shape_day_counts').run();
    sqlite
      .prepare(
        `INSERT INTO shape_day_counts (day, kind, shape, team, reports)
         SELECT ${dutchDaySql('r.received_at')}, p.kind, p.shape, coalesce(r.route_team, ''), count(*)
           FROM (SELECT DISTINCT m.report_id, o.kind, o.shape FROM mentions m JOIN indicator_shapes o ON o.id = m.indicator_id WHERE m.benign = 0) p
           JOIN reports r ON r.id = p.report_id
          WHERE r.status = 'filed'
          GROUP BY 1, 2, 3, 4`,
      )
      .run();
  })();
}
