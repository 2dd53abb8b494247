/**
 * Officers' roles and teams are the hub's: the engine copies the hub's registry into the local `officers` table
 * when it connects and then every few minutes (the list is small and changes rarely). Officers the hub does
 * not list are left as they are; the hub treats them as officers without a team anyway.
 */
import type { HubOfficer } from '../../shared/hub/protocol';
import type { CaseStore } from '../db/open-store';
import { copyOfficers } from '../db/officers';
import type { Clock } from '../../shared/platform/clock';
import type { HubClient } from './hub-client';
import { HubRefusedError } from './hub-errors';

export const OFFICERS_REFRESH_MS = 5 * 60_000;

export function createOfficerRefresher(store: CaseStore, deps: { client: HubClient; clock: Clock; intervalMs?: number; onChanged?: () => void }) {
  const intervalMs = deps.intervalMs ?? OFFICERS_REFRESH_MS;
  let dueAt = Number.NEGATIVE_INFINITY;
  return {
    /** Copies the registry when it is due; a hub without one (404) counts as an empty registry. */
    async refreshIfDue(cancel?: AbortSignal): Promise<void> {
      const now = deps.clock.now().getTime();
      if (now < dueAt) return;
      let officers: HubOfficer[];
      try {
        officers = await deps.client.officers(cancel);
      } catch (error) {
        if (!(error instanceof HubRefusedError && error.status === 404)) throw error;
        officers = [];
      }
      dueAt = now + intervalMs;
      if (copyOfficers(store.sqlite, officers) > 0) deps.onChanged?.();
    },
  };
}
