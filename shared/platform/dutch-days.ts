/**
 * The Dutch calendar day (Europe/Amsterdam), the day officers, requests and the overview count in: a report
 * received at 23:30 UTC in winter was received the next day in the Netherlands. In JavaScript from Intl's time
 * zone data; in SQL (the overview's kept counts are keyed in triggers) the EU's summer-time rule written out,
 * which tests hold against Intl around every change of the clock.
 */
const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
const HOUR_MS = 3_600_000;

/** YYYY-MM-DD in the Netherlands for an instant (a Date or an ISO timestamp). */
export function dutchDay(instant: Date | string): string {
  return DAY_FORMAT.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/**
 * The first instant of a Dutch day, as a UTC ISO timestamp (`2026-11-19T23:00:00.000Z` for 20 November). The
 * clock changes at 01:00 UTC, never at midnight, so midnight is 22:00 or 23:00 UTC the day before.
 */
export function dutchDayStart(day: string): string {
  const twoHoursAhead = Date.parse(`${day}T00:00:00Z`) - 2 * HOUR_MS;
  const start = dutchDay(new Date(twoHoursAhead)) === day ? twoHoursAhead : twoHoursAhead + HOUR_MS;
  return new Date(start).toISOString();
}

/** The last instant (millisecond) of a Dutch day, as a UTC ISO timestamp, for `received_at <= …` comparisons. */
export function dutchDayEnd(day: string): string {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 24 * HOUR_MS).toISOString().slice(0, 10);
  return new Date(Date.parse(dutchDayStart(next)) - 1).toISOString();
}

/**
 * SQL: the Dutch day of a UTC ISO timestamp column (`YYYY-MM-DDTHH:MM:SS.sssZ`). Before 22:00 UTC it is the UTC
 * date, from 23:00 the next one; from 22:00 the next one only in summer time, which runs from the last Sunday of
 * March to the last Sunday of October, 01:00 UTC each (the first Sunday on or after the 25th). Cheap where it runs
 * most (a substring for 22 hours of the day): the kept counts' triggers key every report with it.
 */
export function dutchDaySql(column: string): string {
  const sunday = (monthDay: string) => `date(substr(${column}, 1, 4) || '-${monthDay}', 'weekday 0') || 'T01:00:00'`;
  const hour = `substr(${column}, 12, 2)`;
  return `(CASE WHEN ${hour} < '22' THEN substr(${column}, 1, 10) WHEN ${hour} = '23' OR (${column} >= ${sunday('03-25')} AND ${column} < ${sunday('10-25')}) THEN date(substr(${column}, 1, 10), '+1 days') ELSE substr(${column}, 1, 10) END)`;
}
