import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { Reporter } from '../../shared/intake/schema';
import { currentRecord, requireReportRow } from './report-record';

/** The reporter's personal data from the current revision; callers audit the read (see report.revealReporter). */
export function readReporter(sqlite: Database.Database, reportId: string): Reporter {
  const row = requireReportRow(sqlite, reportId);
  const { reporter } = currentRecord(sqlite, row);
  if (!reporter) {
    throw new AppError('NOT_FOUND', row.status === 'withdrawn' ? `Report ${reportId} was withdrawn; its reporter's data was removed.` : `Report ${reportId} names no reporter.`);
  }
  return reporter;
}
