/**
 * The effect of a block (the disruption ledger): the live reports that still name an indicator of a request the
 * addressee executed — any of a batched letter's — received on a day after the execution, up to the as-of day.
 * A report counts once per addressee, however many of its blocks it names. Benign mentions (the victim's own bank)
 * do not count, as the queue's indicator filter leaves them out.
 */
import type Database from 'better-sqlite3';
import type { CanonicalIndicator } from '../../shared/indicators/types';
import type { RequestState } from '../../shared/requests/lifecycle';
import { endOfDay } from './days';

const EXECUTED: RequestState = 'executed';

interface ExecutedRequest {
  addresseeId: string;
  executedAt: string;
  indicatorType: string;
  indicatorValue: string;
  /** A batched letter's further indicators, as JSON. */
  batch: string | null;
}

/** addressee id → the row ids of the reports received after its blocks. */
export function reportsAfterBlocks(sqlite: Database.Database, asOf: string, addresseeId?: string): Map<string, Set<number>> {
  const requests = sqlite
    .prepare<Record<string, string>, ExecutedRequest>(
      `SELECT addressee_id AS addresseeId, executed_at AS executedAt, indicator_type AS indicatorType, indicator_value AS indicatorValue,
              json_extract(payload, '$.batchIndicators') AS batch
         FROM requests
        WHERE addressee_id IS NOT NULL AND state = @executed AND sent_at IS NOT NULL AND sent_at <= @asOf
          AND executed_at IS NOT NULL AND executed_at <= @asOf AND indicator_type IS NOT NULL AND indicator_value IS NOT NULL
          ${addresseeId === undefined ? '' : 'AND addressee_id = @addresseeId'}`,
    )
    .all({ executed: EXECUTED, asOf, ...(addresseeId === undefined ? {} : { addresseeId }) });
  const namingAfter = sqlite
    .prepare<[string, string, string, string], number>(
      `SELECT m.report_id FROM indicators i JOIN mentions m ON m.indicator_id = i.id JOIN reports r ON r.id = m.report_id
        WHERE i.type = ? AND i.value = ? AND m.benign = 0 AND r.status = 'filed' AND r.received_at > ? AND r.received_at <= ?`,
    )
    .pluck();
  const after = new Map<string, Set<number>>();
  for (const request of requests) {
    const reports = after.get(request.addresseeId) ?? new Set<number>();
    after.set(request.addresseeId, reports);
    const batch = request.batch === null ? [] : (JSON.parse(request.batch) as CanonicalIndicator[]);
    for (const indicator of [{ type: request.indicatorType, value: request.indicatorValue }, ...batch]) {
      for (const reportId of namingAfter.all(indicator.type, indicator.value, endOfDay(request.executedAt), endOfDay(asOf))) reports.add(reportId);
    }
  }
  return after;
}
