/**
 * The overview's filed reports per received day, cluster and team (table `cluster_day_counts`). Triggers on
 * `reports` keep it (migration 0021), so linking, sync and retention move it in the same statement; this module
 * can rebuild it; spikes read it (busy-days.ts) instead of every report of every busy cluster.
 */
import type Database from 'better-sqlite3';
import { dutchDaySql } from '../../shared/platform/dutch-days';
import { writeTransaction } from '../db/write-transaction';

/** Recomputes the table from the reports (after a restore, or to check it). */
export function rebuildClusterDayCounts(sqlite: Database.Database): void {
  writeTransaction(sqlite, () => {
    sqlite.prepare('DELETE FROM cluster_day_counts').run();
    sqlite
      .prepare(
        `INSERT INTO cluster_day_counts (day, cluster_id, team, reports)
         SELECT ${dutchDaySql('received_at')}, cluster_id, coalesce(route_team, ''), count(*) FROM reports
          WHERE status = 'filed' AND cluster_id IS NOT NULL GROUP BY 1, 2, 3`,
      )
      .run();
  })();
}
