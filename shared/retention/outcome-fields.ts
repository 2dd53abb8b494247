import type { LogFields } from '../platform/logger';
import type { RetentionOutcome } from './holds';

/** A run's outcome as log fields: counts only, never a report. */
export function outcomeFields(asOf: string, outcome: RetentionOutcome): LogFields {
  return { asOf, purged: outcome.purged, kept: outcome.kept, ...Object.fromEntries(Object.entries(outcome.held).map(([reason, count]) => [`held.${reason}`, count])) };
}
