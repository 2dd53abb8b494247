import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { RevealedReporter } from '../../shared/api/views';
import { extractRecord } from '../../shared/indicators/extract-record';
import { currentRecord, requireReportRow } from './report-record';

/**
 * The reporter's personal data from the current revision, with the accounts, numbers and addresses the report
 * names as the reporter's own (never indicators: see extractRecord); callers audit the read (see report.revealReporter).
 */
export function readReporter(sqlite: Database.Database, reportId: string): RevealedReporter {
  const row = requireReportRow(sqlite, reportId);
  const record = currentRecord(sqlite, row);
  const { reporter } = record;
  if (!reporter) {
    throw new AppError('NOT_FOUND', row.status === 'withdrawn' ? `Report ${reportId} was withdrawn; its reporter's data was removed.` : `Report ${reportId} names no reporter.`);
  }
  const ownIndicators = extractRecord(record).reporterOwn.map(({ type, value, field, raw }) => ({ type, value, field, raw }));
  return { ...reporter, ownIndicators };
}
