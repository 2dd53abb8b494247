import type { IntakeRecord } from '../../shared/intake/schema';

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
