import Holidays from 'date-holidays';
import type { IntakeRecord } from '../../../shared/intake/schema';
import { generateReports } from '../../../src-generator';

export const AS_OF = '2026-11-20';
const DAY_MS = 86_400_000;

/**
 * Generated reports re-timed evenly over the `days` before AS_OF (the generator's own stream is dense: thousands a
 * day), so that each indicator's reports are spread without bursts — a quiet store.
 */
export function quietRecords(count: number, seed: number, days = 120): IntakeRecord[] {
  const end = Date.parse(`${AS_OF}T12:00:00Z`);
  // mulberry32: a small, well-mixed 32-bit generator (integer arithmetic only, so every seed is exact).
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return [...generateReports(count, { seed, revisions: false, withdrawals: false })].map((record) => ({
    ...record,
    receivedAt: new Date(end - Math.floor(random() * days) * DAY_MS - Math.floor(random() * 10) * 3_600_000).toISOString().replace('.000', ''),
  }));
}

const holidays = new Holidays('NL');
const workingByDay = new Map<number, boolean>();

/** Whether a day (its noon UTC, in ms) is a working day, by date-holidays' own per-day check (remembered: one instance, each day asked once). */
function isWorkingIndependent(time: number): boolean {
  let working = workingByDay.get(time);
  if (working === undefined) {
    const date = new Date(time);
    working = date.getUTCDay() % 6 !== 0 && !(holidays.isHoliday(date) || []).some((holiday) => holiday.type === 'public');
    workingByDay.set(time, working);
  }
  return working;
}

/** Working days after `from` up to `to` counted with date-holidays' own per-day check (not the overview's calendar). */
export function workingDaysIndependent(from: string, to: string): number {
  let count = 0;
  for (let time = Date.parse(`${from}T12:00:00Z`) + DAY_MS; time <= Date.parse(`${to}T12:00:00Z`); time += DAY_MS) if (isWorkingIndependent(time)) count += 1;
  return count;
}
