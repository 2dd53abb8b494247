/** A clock and timers the test moves on itself: each step runs the next timer due, at its time. */
export function fakeTime(start: string) {
  let now = Date.parse(start);
  const pending = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  return {
    clock: { now: () => new Date(now) },
    timers: {
      setTimeout: (run: () => void, ms: number) => {
        pending.set(next, { at: now + ms, run });
        return next++;
      },
      clearTimeout: (handle: unknown) => void pending.delete(handle as number),
    },
    /** Timers set and not yet run. */
    waiting: () => pending.size,
    /**
     * Moves the clock to the next timer and runs it, then lets what it started (requests to a fake hub) settle;
     * answers how far it moved (ms), or null when no timer is set.
     */
    async step(): Promise<number | null> {
      const [handle, timer] = [...pending.entries()].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (handle === undefined || !timer) return null;
      pending.delete(handle);
      const moved = timer.at - now;
      now = timer.at;
      timer.run();
      await settle();
      return moved;
    },
  };
}

/** Lets promises started now (a fake fetch and what follows it) run to their end. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
