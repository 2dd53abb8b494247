/**
 * The overview counts in Dutch days (Europe/Amsterdam): the SQL the kept counts are keyed with and the day bounds
 * the lists and windows use, held against Intl's own time zone data around every change of the clock and every
 * midnight of several years.
 */
import Database from 'better-sqlite3';
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { dutchDay, dutchDayEnd, dutchDaySql, dutchDayStart } from '../../../shared/platform/dutch-days';
import { addDays, isWorkingDay } from '../../../src-main/overview/days';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Independent of the module: Intl's offset name for the instant ("GMT+1" or "GMT+2"). */
const OFFSET_NAME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', timeZoneName: 'shortOffset' });
const amsterdamDay = (instant: number) => {
  const offset = OFFSET_NAME.formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')!.value;
  const hours = Number(/GMT([+-]\d+)/.exec(offset)![1]);
  return new Date(instant + hours * HOUR_MS).toISOString().slice(0, 10);
};

/** Instants around each hour of every day of 2024–2030 at which the clock changes or a Dutch or UTC day begins. */
function instantsAround(): number[] {
  const instants: number[] = [];
  for (let time = Date.parse('2024-01-01T00:00:00Z'); time < Date.parse('2031-01-01T00:00:00Z'); time += 24 * HOUR_MS) {
    for (const hour of [0, 1, 2, 21, 22, 23]) for (const minutes of [-1, 0, 1]) instants.push(time + hour * HOUR_MS + minutes * MINUTE_MS);
  }
  // A millisecond either side of the changes of 2026.
  for (const change of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z']) instants.push(Date.parse(change) - 1, Date.parse(change), Date.parse(change) + 1);
  return instants;
}

describe('Dutch days', () => {
  it('a working day is a weekday that is no public holiday of the Dutch calendar in its own time zone, every day of 2020–2035', () => {
    const amsterdam = new Holidays('NL', { timezone: 'Europe/Amsterdam' });
    const holidays = new Set<string>();
    for (let year = 2020; year <= 2035; year += 1) for (const holiday of amsterdam.getHolidays(year)) if (holiday.type === 'public') holidays.add(holiday.date.slice(0, 10));
    expect(holidays.has('2026-04-27')).toBe(true);
    const wrong: string[] = [];
    for (let day = '2020-01-01'; day <= '2035-12-31'; day = addDays(day, 1)) {
      const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
      if (isWorkingDay(day) !== (weekday !== 0 && weekday !== 6 && !holidays.has(day))) wrong.push(day);
    }
    expect(wrong).toEqual([]);
  });

  it('the SQL day of a UTC timestamp is the Dutch day Intl gives, around every midnight and change of the clock from 2024 to 2030', () => {
    const sqlite = new Database(':memory:');
    const sqlDay = sqlite.prepare<{ at: string }, string>(`SELECT ${dutchDaySql('@at')}`).pluck();
    const dayOf = (at: string) => sqlDay.get({ at });
    const wrong: string[] = [];
    for (const instant of instantsAround()) {
      const iso = new Date(instant).toISOString();
      const expected = amsterdamDay(instant);
      if (dayOf(iso) !== expected || dutchDay(iso) !== expected) wrong.push(`${iso}: SQL ${dayOf(iso)}, JS ${dutchDay(iso)}, Intl ${expected}`);
    }
    sqlite.close();
    expect(wrong).toEqual([]);
  });

  it('a late evening in UTC is the next Dutch day; one hour later in summer than in winter', () => {
    expect(dutchDay('2026-01-15T22:59:59.999Z')).toBe('2026-01-15');
    expect(dutchDay('2026-01-15T23:00:00.000Z')).toBe('2026-01-16');
    expect(dutchDay('2026-07-15T21:59:59.999Z')).toBe('2026-07-15');
    expect(dutchDay('2026-07-15T22:00:00.000Z')).toBe('2026-07-16');
  });

  it('each day starts at its Dutch midnight and ends the millisecond before the next, also on the days the clock changes', () => {
    expect(dutchDayStart('2026-11-20')).toBe('2026-11-19T23:00:00.000Z');
    expect(dutchDayEnd('2026-11-20')).toBe('2026-11-20T22:59:59.999Z');
    expect(dutchDayStart('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
    // 29 March 2026 has 23 hours, 25 October 2026 has 25.
    expect([dutchDayStart('2026-03-29'), dutchDayEnd('2026-03-29')]).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T21:59:59.999Z']);
    expect([dutchDayStart('2026-10-25'), dutchDayEnd('2026-10-25')]).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-25T22:59:59.999Z']);
    for (let time = Date.parse('2026-01-01T12:00:00Z'); time < Date.parse('2027-01-01T00:00:00Z'); time += 24 * HOUR_MS) {
      const day = new Date(time).toISOString().slice(0, 10);
      const [start, end] = [Date.parse(dutchDayStart(day)), Date.parse(dutchDayEnd(day))];
      expect([amsterdamDay(start - 1) < day, amsterdamDay(start), amsterdamDay(end), amsterdamDay(end + 1) > day], day).toEqual([true, day, day, true]);
    }
  });
});
