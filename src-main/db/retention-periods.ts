/**
 * The workstation's retention periods (shared/retention/periods.ts), as data in `store_meta` that a supervisor edits
 * (`retention periods`).
 */
import type Database from 'better-sqlite3';
import { parseRetentionPeriods, storedRetentionPeriods, type RetentionPeriods } from '../../shared/retention/periods';
import { readMeta, writeMeta } from './store-meta';

const PERIODS_KEY = 'retention.periods';

export function readRetentionPeriods(sqlite: Database.Database): RetentionPeriods {
  return storedRetentionPeriods(readMeta(sqlite, PERIODS_KEY));
}

/** Replaces the periods after checking them. */
export function writeRetentionPeriods(sqlite: Database.Database, periods: unknown): RetentionPeriods {
  const parsed = parseRetentionPeriods(periods);
  writeMeta(sqlite, PERIODS_KEY, JSON.stringify(parsed));
  return parsed;
}
