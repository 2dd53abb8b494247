/**
 * The overview once computed is kept until the store changes: a supervisor who goes back and forth between the
 * queue and the Overzicht, or prints it for the weekly meeting, is not made to wait for the same numbers again.
 * "The store changed" is SQLite's own change counters: `total_changes()` counts every row this connection wrote,
 * `PRAGMA data_version` moves when another connection committed. Either moving drops every kept overview.
 */
import type Database from 'better-sqlite3';
import type { Overview } from '../../shared/overview/types';
import { computeOverview, type OverviewInput } from './compute-overview';
import { keptCountsDeferred, settleKeptCountsDeferral } from '../db/reports/writes';
import { writeTransactionIfFree } from '../db/write-transaction';

const KEPT_PER_STORE = 8;

interface StoreCache {
  version: string;
  overviews: Map<string, Overview>;
}

const caches = new WeakMap<Database.Database, StoreCache>();

function storeVersion(sqlite: Database.Database): string {
  const changes = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  return `${String(sqlite.pragma('data_version', { simple: true }))}:${changes}`;
}

export function cachedOverview(sqlite: Database.Database, input: OverviewInput): Overview {
  // Before the version is read: settling (compute-overview.ts) moves the counters, and the overview is kept under the
  // settled store's. Not waiting for another process's writer: computeOverview then answers with keptCountsPending.
  // The lock is tried only when something is owed: a cache hit must not open a write transaction.
  if (keptCountsDeferred(sqlite)) writeTransactionIfFree(sqlite, () => settleKeptCountsDeferral(sqlite));
  const version = storeVersion(sqlite);
  let cache = caches.get(sqlite);
  if (!cache || cache.version !== version) {
    cache = { version, overviews: new Map() };
    caches.set(sqlite, cache);
  }
  const key = `${input.asOf}|${input.team ?? '*'}`;
  const kept = cache.overviews.get(key);
  if (kept) return kept;
  const overview = computeOverview(sqlite, input);
  // Counts still being settled are not kept: the lock's release moves no counter, and the next read settles them.
  if (overview.keptCountsPending) return overview;
  if (cache.overviews.size >= KEPT_PER_STORE) cache.overviews.delete(cache.overviews.keys().next().value!);
  cache.overviews.set(key, overview);
  return overview;
}
