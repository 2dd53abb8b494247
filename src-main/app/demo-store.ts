import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { holdsReports } from '../db/reports/lookup';
import { readMeta, writeMeta } from '../db/store-meta';
import { outboxHoldsAny } from '../mutations/outbox';

const DEMO_MARK = 'demo_store';

const isMarked = (sqlite: Database.Database) => readMeta(sqlite, DEMO_MARK) !== undefined;

/** Whether the store holds anything yet: reports, or work of an officer. */
const holdsData = (sqlite: Database.Database) =>
  holdsReports(sqlite) || outboxHoldsAny(sqlite);

/**
 * Generated reports and real evidence never mix. The demo runs only on a store made for it (marked as such when
 * the demo first opens it empty); an officer's own store is never opened as a demo, and a demo store never as a
 * real one.
 */
export function claimStoreFor(sqlite: Database.Database, mode: 'demo' | 'own', at: Date): void {
  const marked = isMarked(sqlite);
  if (mode === 'own') {
    if (marked) {
      throw new AppError('CONFLICT', 'This store was made for the demo and holds generated reports; open it with --demo, or give your own store a path of its own.');
    }
    return;
  }
  if (marked) return;
  if (holdsData(sqlite)) {
    throw new AppError('CONFLICT', 'This store holds real work and is not a demo store: the demo never writes generated reports into it. Open it without --demo, or give the demo a folder of its own.');
  }
  writeMeta(sqlite, DEMO_MARK, at.toISOString());
}
