/**
 * The disruption ledger: per addressee, how many requests were sent, executed, refused and overdue, how long
 * execution took, and the effect — reports that still name an executed request's indicator, received after the
 * day of execution (block-effect.ts). Prevention warnings have no addressee and do not count.
 */
import type Database from 'better-sqlite3';
import type { DisruptionEntry } from '../../shared/overview/types';
import { reportsAfterBlocks } from './block-effect';
import { daysBetween } from './days';
import { median } from './median';

interface RequestRow {
  addresseeId: string;
  state: string;
  sentAt: string | null;
  dueAt: string | null;
  executedAt: string | null;
}

export function computeDisruption(sqlite: Database.Database, asOf: string): DisruptionEntry[] {
  const rows = sqlite
    .prepare<[string], RequestRow>(
      `SELECT addressee_id AS addresseeId, state, sent_at AS sentAt, due_at AS dueAt, executed_at AS executedAt
         FROM requests WHERE addressee_id IS NOT NULL AND sent_at IS NOT NULL AND sent_at <= ?`,
    )
    .all(asOf);
  const ledger = new Map<string, DisruptionEntry & { durations: number[] }>();
  for (const row of rows) {
    const entry = ledger.get(row.addresseeId) ?? { addresseeId: row.addresseeId, sent: 0, executed: 0, refused: 0, overdue: 0, medianDaysToExecuted: null, reportsAfterBlock: 0, durations: [] };
    ledger.set(row.addresseeId, entry);
    entry.sent += 1;
    const executed = row.state === 'executed' && row.executedAt !== null && row.executedAt <= asOf;
    if (executed) {
      entry.executed += 1;
      entry.durations.push(daysBetween(row.sentAt!, row.executedAt!));
    } else if (row.state === 'refused') entry.refused += 1;
    else if ((row.state === 'sent' || row.state === 'acknowledged') && row.dueAt !== null && row.dueAt < asOf) entry.overdue += 1;
  }
  const after = reportsAfterBlocks(sqlite, asOf);
  return [...ledger.values()]
    .map(({ durations, ...entry }) => ({ ...entry, medianDaysToExecuted: median(durations), reportsAfterBlock: after.get(entry.addresseeId)?.size ?? 0 }))
    .sort((a, b) => b.sent - a.sent || a.addresseeId.localeCompare(b.addresseeId));
}

