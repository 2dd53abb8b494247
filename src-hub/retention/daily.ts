/**
 * The hub server's daily retention run (shared/retention/daily-runs.ts), logged with counts only. Due a day after
 * the last run in `retention_runs`, whether scheduled or made on demand (`hub retention run`).
 */
import type { Clock } from '../../shared/platform/clock';
import type { Logger } from '../../shared/platform/logger';
import { scheduleDailyRuns, type DailyRuns, type ScheduleTimers } from '../../shared/retention/daily-runs';
import { outcomeFields } from '../../shared/retention/outcome-fields';
import type { HubConnection } from '../db/connect';
import { lastHubRetentionRunAt, runHubRetention } from './run';

export interface HubDailyRetentionOptions {
  timers?: ScheduleTimers;
  intervalMs?: number;
}

const globalTimers: ScheduleTimers = { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) };

export function startHubDailyRetention(database: HubConnection, deps: { clock: Clock; logger: Logger } & HubDailyRetentionOptions): DailyRuns {
  return scheduleDailyRuns({
    clock: deps.clock,
    timers: deps.timers ?? globalTimers,
    ...(deps.intervalMs === undefined ? {} : { intervalMs: deps.intervalMs }),
    lastRunAt: () => lastHubRetentionRunAt(database.db),
    run: async (asOf) => {
      const { outcome, compacted, walCleared } = await runHubRetention(database, { asOf, at: deps.clock.now(), logger: deps.logger });
      deps.logger.info('retention.run', { ...outcomeFields(asOf, outcome), compacted, walCleared });
    },
    onError: (error) => deps.logger.error('retention.failed', { message: error instanceof Error ? error.message : String(error) }),
  });
}
