/**
 * The disruption ledger: per addressee, how many requests were sent, executed, refused and overdue, how long
 * execution took, and the effect — reports that still name an executed request's indicator, received after the
 * day of execution. Prevention warnings have no addressee and do not count.
 */
import type Database from 'better-sqlite3';
import type { DisruptionEntry } from '../../shared/overview/types';
import { daysBetween, endOfDay } from './days';
import { median } from './median';

interface RequestRow {
  addresseeId: string;
  state: string;
  sentAt: string | null;
  dueAt: string | null;
  executedAt: string | null;
  indicatorType: string | null;
  indicatorValue: string | null;
}

export function computeDisruption(sqlite: Database.Database, asOf: string): DisruptionEntry[] {
  const rows = sqlite
    .prepare<[string], RequestRow>(
      `SELECT addressee_id AS addresseeId, state, sent_at AS sentAt, due_at AS dueAt, executed_at AS executedAt,
              indicator_type AS indicatorType, indicator_value AS indicatorValue
         FROM actions WHERE addressee_id IS NOT NULL AND sent_at IS NOT NULL AND sent_at <= ?`,
    )
    .all(asOf);
  const reportsAfter = sqlite
    .prepare<[string, string, string, string], number>(
      `SELECT count(DISTINCT r.id) FROM indicators i JOIN mentions m ON m.indicator_id = i.id JOIN reports r ON r.id = m.report_id
        WHERE i.type = ? AND i.value = ? AND r.status = 'filed' AND r.received_at > ? AND r.received_at <= ?`,
    )
    .pluck();
  const ledger = new Map<string, DisruptionEntry & { durations: number[] }>();
  for (const row of rows) {
    const entry = ledger.get(row.addresseeId) ?? { addresseeId: row.addresseeId, sent: 0, executed: 0, refused: 0, overdue: 0, medianDaysToExecuted: null, reportsAfterBlock: 0, durations: [] };
    ledger.set(row.addresseeId, entry);
    entry.sent += 1;
    const executed = row.state === 'uitgevoerd' && row.executedAt !== null && row.executedAt <= asOf;
    if (executed) {
      entry.executed += 1;
      entry.durations.push(daysBetween(row.sentAt!, row.executedAt!));
      if (row.indicatorType !== null && row.indicatorValue !== null) entry.reportsAfterBlock += reportsAfter.get(row.indicatorType, row.indicatorValue, endOfDay(row.executedAt!), endOfDay(asOf)) ?? 0;
    } else if (row.state === 'afgewezen') entry.refused += 1;
    else if ((row.state === 'verzonden' || row.state === 'bevestigd') && row.dueAt !== null && row.dueAt < asOf) entry.overdue += 1;
  }
  return [...ledger.values()]
    .map(({ durations, ...entry }) => ({ ...entry, medianDaysToExecuted: median(durations) }))
    .sort((a, b) => b.sent - a.sent || a.addresseeId.localeCompare(b.addresseeId));
}

