import type Database from 'better-sqlite3';
import type { QueueRow } from '../../shared/api/views';
import type { IndicatorType } from '../../shared/indicators/types';
import { resolveIndicator } from './indicator-lookup';
import { QUEUE_ROW_COLUMNS, QUEUE_ROW_FROM } from './queue-rows';

/** A list, not a page: beyond this the indicator summary's counts tell the story (a benign value may be in thousands). */
export const INDICATOR_REPORTS_CAP = 1000;

/** Live reports that mention the indicator, newest first. */
export function indicatorReports(sqlite: Database.Database, type: IndicatorType, value: string): QueueRow[] {
  const indicator = resolveIndicator(sqlite, type, value);
  return sqlite
    .prepare<[number, number], QueueRow>(
      `SELECT ${QUEUE_ROW_COLUMNS} FROM ${QUEUE_ROW_FROM}
       WHERE r.status = 'filed' AND r.id IN (SELECT report_id FROM mentions WHERE indicator_id = ?)
       ORDER BY r.received_at DESC, r.id DESC LIMIT ?`,
    )
    .all(indicator.id, INDICATOR_REPORTS_CAP);
}
