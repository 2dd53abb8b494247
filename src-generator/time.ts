/** Timestamps as the portal writes them, and the Dutch way victims refer to days. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * `YYYY-MM-DDTHH:MM:SS` of an epoch-millisecond instant, by arithmetic (Howard Hinnant's
 * civil-from-days) instead of Date + toISOString, which dominated the generator's profile.
 */
/** Scratch output of civilFromDays: [year, month (1–12), day (1–31)]. */
const civil = new Int32Array(3);

function civilFromDays(days: number): void {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  civil[0] = yoe + era * 400 + (month <= 2 ? 1 : 0);
  civil[1] = month;
  civil[2] = doy - Math.floor((153 * mp + 2) / 5) + 1;
}

function isoSeconds(ms: number): string {
  const days = Math.floor(ms / DAY);
  const secondsOfDay = Math.floor((ms - days * DAY) / 1000);
  civilFromDays(days);
  const year = civil[0] as number;
  const month = civil[1] as number;
  const day = civil[2] as number;
  const hour = Math.floor(secondsOfDay / 3600);
  const minute = Math.floor((secondsOfDay % 3600) / 60);
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(secondsOfDay % 60)}`;
}

/** `2026-03-02T08:14:09Z` (UTC, whole seconds), like the portal's receivedAt. */
export function utcStamp(ms: number): string {
  return `${isoSeconds(ms)}Z`;
}

/** Last Sunday of a month, 01:00 UTC: when Europe/Amsterdam switches summer time. */
function lastSundayOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const day = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, month, day, 1);
}

/** [start of year, start of next year, summer time start, summer time end] */
type YearRange = [number, number, number, number];

function yearRangeOf(ms: number): YearRange {
  const year = new Date(ms).getUTCFullYear();
  return [Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1), lastSundayOneUtc(year, 2), lastSundayOneUtc(year, 9)];
}

/** The two years looked up last (contact times often fall in the year before the report). */
let recentYear: YearRange = [0, 0, 0, 0];
let otherYear: YearRange = [0, 0, 0, 0];

/** Offset of Europe/Amsterdam from UTC in hours (1 or 2) at the given instant. */
export function amsterdamOffsetHours(ms: number): 1 | 2 {
  let range = recentYear;
  if (ms < range[0] || ms >= range[1]) {
    range = otherYear;
    if (ms < range[0] || ms >= range[1]) range = yearRangeOf(ms);
    otherYear = recentYear;
    recentYear = range;
  }
  return ms >= range[2] && ms < range[3] ? 2 : 1;
}

/** `2026-03-01T14:05:00+01:00`: local Dutch time with its offset, as victims' times are stored. */
export function localStamp(ms: number): string {
  const offset = amsterdamOffsetHours(ms);
  return `${isoSeconds(ms + offset * HOUR)}+0${offset}:00`;
}

/** Hour of the day (0–23) and weekday (0 = Sunday) in Dutch local time. */
/** Hour of the day (0–23) in Dutch local time. */
export function localHour(ms: number): number {
  const local = ms + amsterdamOffsetHours(ms) * HOUR;
  return Math.floor((local - Math.floor(local / DAY) * DAY) / HOUR);
}

export function localHourAndDay(ms: number): { hour: number; weekday: number } {
  const local = ms + amsterdamOffsetHours(ms) * HOUR;
  const days = Math.floor(local / DAY);
  // 1 January 1970 was a Thursday (weekday 4).
  return { hour: Math.floor((local - days * DAY) / HOUR), weekday: (((days + 4) % 7) + 7) % 7 };
}

const DUTCH_DAYS = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];
const DUTCH_MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const ENGLISH_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * How a victim names the day something happened, relative to the report:
 * "gisteren", "afgelopen dinsdag", "op 3 maart" (Dutch) or "yesterday", "on 3 March" (English).
 * `variant` (0–1) chooses between equivalent phrasings.
 */
export function dayPhrase(eventMs: number, reportMs: number, lang: 'nl' | 'en', variant: number): string {
  const eventLocal = eventMs + amsterdamOffsetHours(eventMs) * HOUR;
  const eventDay = Math.floor(eventLocal / DAY);
  const reportDay = Math.floor((reportMs + amsterdamOffsetHours(reportMs) * HOUR) / DAY);
  const daysAgo = reportDay - eventDay;
  const weekday = (((eventDay + 4) % 7) + 7) % 7;
  civilFromDays(eventDay);
  const month = (civil[1] as number) - 1;
  const date = civil[2] as number;
  if (lang === 'en') {
    if (daysAgo <= 0) return eventLocal - eventDay * DAY < 12 * HOUR ? 'this morning' : 'today';
    if (daysAgo === 1) return 'yesterday';
    if (daysAgo < 7 && variant < 0.5) return `last ${ENGLISH_DAYS[weekday]}`;
    return `on ${date} ${ENGLISH_MONTHS[month]}`;
  }
  if (daysAgo <= 0) {
    const hour = (eventLocal - eventDay * DAY) / HOUR;
    if (variant < 0.4) return 'vandaag';
    return hour < 12 ? 'vanochtend' : hour < 18 ? 'vanmiddag' : 'vanavond';
  }
  if (daysAgo === 1) return 'gisteren';
  if (daysAgo === 2 && variant < 0.3) return 'eergisteren';
  if (daysAgo < 7 && variant < 0.6) return `afgelopen ${DUTCH_DAYS[weekday]}`;
  if (variant < 0.8) return `op ${DUTCH_DAYS[weekday]} ${date} ${DUTCH_MONTHS[month]}`;
  return `op ${date} ${DUTCH_MONTHS[month]}`;
}

/** Compact local date for file names: `20260301-141233`. */
export function fileStamp(ms: number): string {
  const iso = isoSeconds(ms + amsterdamOffsetHours(ms) * HOUR);
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}
