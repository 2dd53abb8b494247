import type { SyncTimers } from '../../../src-main/sync/timers';

/** Timers that fire only when the test says so; every delay asked for is recorded. */
export class ManualTimers implements SyncTimers {
  private readonly pending = new Map<number, { callback: () => void; ms: number }>();
  private nextId = 1;
  private readonly waiters: Array<() => void> = [];
  readonly requested: number[] = [];

  setTimeout = (callback: () => void, ms: number): number => {
    const id = this.nextId++;
    this.pending.set(id, { callback, ms });
    this.requested.push(ms);
    for (const wake of this.waiters.splice(0)) wake();
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.pending.delete(handle as number);
  };

  /** Waits until a timer whose delay matches is scheduled, fires it, and returns its delay. */
  async fire(matches: (ms: number) => boolean): Promise<number> {
    for (;;) {
      for (const [id, timer] of this.pending) {
        if (!matches(timer.ms)) continue;
        this.pending.delete(id);
        timer.callback();
        return timer.ms;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}
