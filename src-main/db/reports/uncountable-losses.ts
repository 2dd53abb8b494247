import type Database from 'better-sqlite3';
import { MAX_COUNTED_LOSS_CENTS } from '../money';

/**
 * Before the migrations, in a store from before migration 0037: a loss taken before money.ts had its bound (review H2)
 * is set to none, as money.ts counts it today. The store's own kept-count triggers, of its version, take it out of
 * their day sums, so 0037's fill of indicator_totals (sum(loss_cents) of those) no longer overflows and the store opens.
 * Only older stores: it reads every report once, and the stores it is for are upgraded once.
 */
export function forgetUncountableLossesBeforeTotals(sqlite: Database.Database): void {
  const hasTable = (name: string) => sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  if (!hasTable('reports') || hasTable('indicator_totals')) return;
  sqlite.prepare('UPDATE reports SET loss_cents = 0 WHERE loss_cents > ?').run(MAX_COUNTED_LOSS_CENTS);
}
