/**
 * Retention runs once a day, on the hub and on every workstation: at start when the last run (scheduled or on
 * demand) is a day ago or more — else when it will be — and then every 24 hours. The clock and the timers are
 * injected, so tests drive the days.
 */
import type { Clock } from '../platform/clock';

export const RETENTION_INTERVAL_MS = 24 * 60 * 60_000;

/** What the schedule needs of timers (src-main/sync/timers.ts and the global ones both fit). */
export interface ScheduleTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface DailyRunDeps {
  clock: Clock;
  timers: ScheduleTimers;
  /** When the last run happened, or null when there was none. */
  lastRunAt(): Promise<Date | null> | Date | null;
  /** One run; `asOf` is the day (YYYY-MM-DD, UTC) it counts from; a long run ends early once `stopping()` says so. */
  run(asOf: string, stopping: () => boolean): Promise<void> | void;
  /** A failed run (or a failure to find the last one): the next attempt is a day later. */
  onError(error: unknown): void;
  intervalMs?: number;
}

export interface DailyRuns {
  /** Cancels the next run and waits for one under way. */
  stop(): Promise<void>;
}

export function scheduleDailyRuns(deps: DailyRunDeps): DailyRuns {
  const intervalMs = deps.intervalMs ?? RETENTION_INTERVAL_MS;
  let handle: unknown = null;
  let stopped = false;
  let running: Promise<void> | null = null;

  const after = (ms: number) => {
    if (stopped) return;
    handle = deps.timers.setTimeout(() => {
      handle = null;
      running = (async () => {
        try {
          await deps.run(deps.clock.now().toISOString().slice(0, 10), () => stopped);
        } catch (error) {
          deps.onError(error);
        }
        running = null;
        after(intervalMs);
      })();
    }, ms);
  };

  running = (async () => {
    try {
      const last = await deps.lastRunAt();
      running = null;
      after(last === null ? 0 : Math.max(0, last.getTime() + intervalMs - deps.clock.now().getTime()));
    } catch (error) {
      deps.onError(error);
      running = null;
      after(intervalMs);
    }
  })();

  return {
    async stop() {
      stopped = true;
      if (handle !== null) deps.timers.clearTimeout(handle);
      handle = null;
      await running;
    },
  };
}
