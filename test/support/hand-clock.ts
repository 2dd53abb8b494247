import type { Clock } from '../../shared/platform/clock';

/** A clock that stands still until the test sets it (a day of the retention rules, far from today). */
export function handClock(start: string): Clock & { set(at: string): void } {
  let now = Date.parse(start);
  return { now: () => new Date(now), set: (at) => (now = Date.parse(at)) };
}
