import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { CanonicalIndicator, IndicatorType } from '../../shared/indicators/types';
import { normalizeIndicator } from '../../shared/indicators/normalize';

/** The stored indicator for a canonical value, or for a value as a person typed it. NOT_FOUND when no report mentions it. */
export function resolveIndicator(sqlite: Database.Database, type: IndicatorType, value: string): CanonicalIndicator & { id: number } {
  const find = sqlite.prepare<[string, string], number>('SELECT id FROM indicators WHERE type = ? AND value = ?').pluck();
  const exact = find.get(type, value);
  if (exact !== undefined) return { id: exact, type, value };
  const canonical = normalizeIndicator(type, value)?.value;
  const id = canonical === undefined ? undefined : find.get(type, canonical);
  if (id === undefined || canonical === undefined) throw new AppError('NOT_FOUND', `No report mentions this ${type}.`);
  return { id, type, value: canonical };
}
