/**
 * The intake rules every store of reports follows — the workstation's report writer and the hub's intake alike,
 * so that they cannot drift:
 * - a report seen for the first time is `imported`; a higher revision than the current one is `updated` and
 *   becomes current; a lower or equal one is `ignored` as current, but kept in the history when it is new there;
 * - an exact repeat (a revision already stored) changes nothing;
 * - a withdrawal at revision N drops the personal data of every stored revision up to N, and a revision up to N
 *   that arrives later is stored without it.
 */
import type { IntakeRecord } from './schema';

export type IntakeOutcome = 'imported' | 'updated' | 'ignored';

/** Timestamps are stored as ISO 8601 UTC, so that text order is time order. */
export const toUtc = (timestamp: string) => new Date(timestamp).toISOString();

/** What one arriving revision does to its report (`current`: the report as stored, or null when new). */
export function decideRevision(
  current: { revision: number; hasRevision: (revision: number) => boolean } | null,
  revision: number,
): { outcome: IntakeOutcome; becomesCurrent: boolean; storesRevision: boolean } {
  if (current === null) return { outcome: 'imported', becomesCurrent: true, storesRevision: true };
  if (revision > current.revision) return { outcome: 'updated', becomesCurrent: true, storesRevision: true };
  return { outcome: 'ignored', becomesCurrent: false, storesRevision: !current.hasRevision(revision) };
}

/** The highest withdrawn revision once `record` is counted (0: never withdrawn). */
export const withdrawnUpTo = (before: number, record: Pick<IntakeRecord, 'status' | 'revision'>) =>
  record.status === 'withdrawn' ? Math.max(before, record.revision) : before;

/** The fields of a record that say nothing about the person who reported; all else may be personal. */
const NON_PERSONAL_FIELDS = ['schema', 'reportId', 'revision', 'status', 'receivedAt', 'channel', 'kind', 'category', 'region'] as const;

/** What is kept of a revision once the report is withdrawn: the id and the facts needed for statistics. */
export function redactRecord(record: Pick<IntakeRecord, (typeof NON_PERSONAL_FIELDS)[number]>): string {
  const kept: Record<string, unknown> = {};
  for (const field of NON_PERSONAL_FIELDS) {
    if (record[field] !== undefined) kept[field] = record[field];
  }
  return JSON.stringify(kept);
}

/** The text a revision is stored with: as received, or redacted when it or a later revision withdrew the report. */
export function storedRevisionText(record: IntakeRecord, raw: string, withdrawnRevision: number): string {
  return record.status === 'withdrawn' || record.revision <= withdrawnRevision ? redactRecord(record) : raw;
}
