/** The counts the overview keeps beside the reports (each kept by triggers), recounted from scratch together. */
import type Database from 'better-sqlite3';
import { rebuildClusterDayCounts } from './cluster-day-counts';
import { rebuildIndicatorDayCounts } from './indicator-day-counts';
import { rebuildReportDayCounts } from './report-day-counts';
import { rebuildShapeDayCounts } from './shape-day-counts';
import { rebuildSummaryDayCounts } from './summary-day-counts';
import { settleKeptCountsDeferral } from '../db/reports/writes';
import { writeTransaction } from '../db/write-transaction';

/**
 * After a restore, or when a kept count is doubted (`overview --rebuild`): in one transaction, a deferral held
 * settled first in it (its settling would count its reports a second time).
 */
export function rebuildKeptCounts(sqlite: Database.Database): void {
  writeTransaction(sqlite, () => {
    settleKeptCountsDeferral(sqlite);
    rebuildReportDayCounts(sqlite);
    rebuildIndicatorDayCounts(sqlite);
    rebuildShapeDayCounts(sqlite);
    rebuildClusterDayCounts(sqlite);
    rebuildSummaryDayCounts(sqlite);
  })();
}
