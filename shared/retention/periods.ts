/**
 * How long reports are kept (Wet politiegegevens art. 14), the same on the hub and on every workstation. Dutch
 * defaults: a report used only for the daily police task (art. 8) is kept one year from its last receipt; a report
 * in a case or a request (art. 9) is kept five years from the case's closing or the request's end, and not purged
 * while the case or the request is still open. A supervisor or the hub's administrator changes them; they are data.
 */
import { z } from 'zod';
import { AppError } from '../errors';

export interface RetentionPeriods {
  /** Years a report only used for the daily police task is kept, counted from its last receipt. */
  dailyTaskYears: number;
  /** Years a report in a case or a request is kept, counted from the case's closing or the request's end. */
  caseYears: number;
}

export const DEFAULT_RETENTION_PERIODS: RetentionPeriods = { dailyTaskYears: 1, caseYears: 5 };

const years = z.number().int().min(1).max(30);
export const retentionPeriodsSchema = z.object({ dailyTaskYears: years, caseYears: years }).strict();

/** Checks periods someone means to set; a case's period may not be shorter than the daily task's. */
export function parseRetentionPeriods(periods: unknown): RetentionPeriods {
  const parsed = retentionPeriodsSchema.safeParse(periods);
  if (!parsed.success) throw new AppError('BAD_INPUT', `These retention periods are not valid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  if (parsed.data.caseYears < parsed.data.dailyTaskYears) throw new AppError('BAD_INPUT', 'A case keeps its reports at least as long as the daily task does (caseYears ≥ dailyTaskYears)');
  return parsed.data;
}

/** Periods as stored (JSON text), or the defaults when none (or nothing valid) is stored. */
export function storedRetentionPeriods(stored: string | null | undefined): RetentionPeriods {
  if (stored === null || stored === undefined) return DEFAULT_RETENTION_PERIODS;
  try {
    const parsed = retentionPeriodsSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : DEFAULT_RETENTION_PERIODS;
  } catch {
    return DEFAULT_RETENTION_PERIODS;
  }
}

/** The day (YYYY-MM-DD, UTC) `years` after the day of `isoTime`: from that day on, the data has expired. */
export function expiryDay(isoTime: string, yearsLater: number): string {
  const day = new Date(`${isoTime.slice(0, 10)}T00:00:00Z`);
  day.setUTCFullYear(day.getUTCFullYear() + yearsLater);
  return day.toISOString().slice(0, 10);
}
