/**
 * The retention periods are the hub's (its administrator sets them; shared/retention/periods.ts): the engine copies
 * them into the store when it connects and then every few minutes, so this workstation purges as the hub does. A
 * change is recorded in the audit log; a hub that has no periods to give (an older hub: 404) leaves the store's own.
 */
import { parseRetentionPeriods, type RetentionPeriods } from '../../shared/retention/periods';
import type { Clock } from '../../shared/platform/clock';
import { SYNC_ACTOR } from '../audit/actor';
import { createAuditAppender } from '../audit/audit-log';
import type { CaseStore } from '../db/open-store';
import { readRetentionPeriods, writeRetentionPeriods } from '../db/retention-periods';
import type { HubClient } from './hub-client';
import { HubRefusedError, HubUnavailableError } from './hub-errors';
import { OFFICERS_REFRESH_MS } from './officer-refresh';
import { writeTransaction } from '../db/write-transaction';

/** `GET /v1/retention/periods`: periods that are not valid are the hub's fault, as with a broken feed page. */
export function parseRetentionPeriodsResponse(value: unknown): RetentionPeriods {
  try {
    return parseRetentionPeriods((value as { periods?: unknown } | null)?.periods);
  } catch {
    throw new HubUnavailableError('the hub sent retention periods that are not valid');
  }
}

/** Writes the hub's periods into the store when they differ; returns whether they did. */
export function copyRetentionPeriods(store: CaseStore, periods: RetentionPeriods, at: string): boolean {
  const current = readRetentionPeriods(store.sqlite);
  if (current.dailyTaskYears === periods.dailyTaskYears && current.caseYears === periods.caseYears) return false;
  writeTransaction(store.sqlite, () => {
    writeRetentionPeriods(store.sqlite, periods);
    createAuditAppender(store.sqlite)(at, { actor: SYNC_ACTOR, action: 'retention.periods', subjectType: 'store', subjectId: 'retention', details: { ...periods, from: 'hub' } });
  })();
  return true;
}

export function createPeriodsRefresher(store: CaseStore, deps: { client: HubClient; clock: Clock; intervalMs?: number }) {
  const intervalMs = deps.intervalMs ?? OFFICERS_REFRESH_MS;
  let dueAt = Number.NEGATIVE_INFINITY;
  return {
    async refreshIfDue(cancel?: AbortSignal): Promise<void> {
      const now = deps.clock.now();
      if (now.getTime() < dueAt) return;
      let periods: RetentionPeriods;
      try {
        periods = await deps.client.retentionPeriods(cancel);
      } catch (error) {
        if (!(error instanceof HubRefusedError && error.status === 404)) throw error;
        dueAt = now.getTime() + intervalMs;
        return;
      }
      dueAt = now.getTime() + intervalMs;
      copyRetentionPeriods(store, periods, now.toISOString());
    },
  };
}
