/**
 * Calendar arithmetic on Dutch days (`YYYY-MM-DD`, Europe/Amsterdam), the unit the overview counts in: a day is a
 * date on the calendar, its bounds are the instants of its midnights in the Netherlands.
 */
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import { dutchDay, dutchDayEnd, dutchDayStart } from '../../shared/platform/dutch-days';

const DAY_MS = 86_400_000;

/** The Dutch day of an instant. */
export const dayOf = (iso: string): string => dutchDay(iso);

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The first instant of a day, for `received_at >= …` comparisons. */
export const startOfDay = (day: string): string => dutchDayStart(day);

/** The last instant of a day, for `received_at <= …` comparisons. */
export const endOfDay = (day: string): string => dutchDayEnd(day);

/** ISO week label (`2026-W05`) and the Monday that starts it. */
export function isoWeek(day: string): { week: string; monday: string } {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7;
  const monday = addDays(day, -weekday);
  const thursday = new Date(Date.parse(`${monday}T00:00:00Z`) + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return { week: `${year}-W${String(week).padStart(2, '0')}`, monday };
}

/** Dutch public holidays (Nieuwjaar, Pasen, Koningsdag, Hemelvaart, Pinksteren, Kerst …) by year, from date-holidays. */
const holidaysByYear = new Map<number, Set<string>>();
// Only each holiday's calendar date is read. The time zone would only place its start and end instants, and
// unpacking Europe/Amsterdam's rules cost the first overview of a session some 20 ms (the dates are the same).
let calendar: Holidays | null = null;

function publicHolidays(year: number): Set<string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    // Loaded at the first question, not at every start of the core: reading its data costs some 200 ms CPU.
    calendar ??= new (createRequire(import.meta.url)('date-holidays') as typeof Holidays)('NL', { timezone: 'UTC' });
    days = new Set(calendar.getHolidays(year).filter((holiday) => holiday.type === 'public').map((holiday) => holiday.date.slice(0, 10)));
    holidaysByYear.set(year, days);
  }
  return days;
}

export function isWorkingDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !publicHolidays(Number(day.slice(0, 4))).has(day);
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}

/**
 * Working days after each day up to and including `to`, for every day from `from` to `to`: one walk back from
 * `to` instead of one walk per day (a year of days would be tens of thousands of steps).
 */
export function workingDaysUntil(from: string, to: string): Map<string, number> {
  const counts = new Map<string, number>();
  let count = 0;
  for (let day = to; day >= from; day = addDays(day, -1)) {
    counts.set(day, count);
    if (isWorkingDay(day)) count += 1;
  }
  return counts;
}
