/**
 * The workstation's daily retention run (shared/retention/daily-runs.ts): due when the audit log's last
 * `retention.run` entry — a scheduled run's or one made on demand with `retention run` — is a day old.
 */
import type Database from 'better-sqlite3';
import type { Clock } from '../../shared/platform/clock';
import type { Logger } from '../../shared/platform/logger';
import { scheduleDailyRuns, type DailyRuns, type ScheduleTimers } from '../../shared/retention/daily-runs';
import { outcomeFields } from '../../shared/retention/outcome-fields';
import type { Actor } from '../audit/actor';
import { lastLoggedAt } from '../audit/audit-entries';
import type { CaseStore } from '../db/open-store';
import { runRetentionYielding } from './retention-run';

/** Who the scheduled runs are in the audit log. */
export const RETENTION_ACTOR: Actor = 'system:retention';

export function lastRetentionRunAt(sqlite: Database.Database): Date | null {
  return lastLoggedAt(sqlite, 'retention.run');
}

export function startDailyRetention(store: CaseStore, deps: { clock: Clock; timers: ScheduleTimers; logger: Logger; intervalMs?: number; sliceSize?: number }): DailyRuns {
  return scheduleDailyRuns({
    clock: deps.clock,
    timers: deps.timers,
    ...(deps.intervalMs === undefined ? {} : { intervalMs: deps.intervalMs }),
    lastRunAt: () => lastRetentionRunAt(store.sqlite),
    // Slice by slice, letting the window's calls through in between; closing the workstation ends it at a pause.
    run: async (asOf, stopping) => {
      const outcome = await runRetentionYielding(store.sqlite, { asOf, at: deps.clock.now().toISOString(), actor: RETENTION_ACTOR, stopping, ...(deps.sliceSize === undefined ? {} : { sliceSize: deps.sliceSize }) });
      deps.logger.info('retention.run', outcomeFields(asOf, outcome));
    },
    onError: (error) => deps.logger.error('retention.failed', { message: error instanceof Error ? error.message : String(error) }),
  });
}
