/**
 * The lowest id of the filed reports received in a window. Every report of the window has an id at or above it, so
 * an indicator's mentions (indexed by indicator and report) and a cluster's members (indexed by cluster and id) are
 * read from there rather than from their first report ever: reports are mostly stored in the order they arrive, so
 * an indicator named for a year has its window's mentions at the end. Any order stays correct; it is only faster.
 */
import type Database from 'better-sqlite3';

export function firstReportIdIn(sqlite: Database.Database, from: string, end: string): number {
  return sqlite.prepare<[string, string], number | null>("SELECT min(id) FROM reports WHERE status = 'filed' AND received_at >= ? AND received_at <= ?").pluck().get(from, end) ?? Number.MAX_SAFE_INTEGER;
}
