/**
 * Dates and amounts always in Dutch notation (nl-NL), whatever the UI language: officers compare them with
 * Dutch documents. Timestamps arrive as ISO strings, money as integer euro cents.
 */
const LOCALE = 'nl-NL';

const moneyFormat = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR' });
const wholeMoneyFormat = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const countFormat = new Intl.NumberFormat(LOCALE);

const parse = (iso: string): Date | null => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

// Dates and times are written out by hand, as nl-NL's numeric notation has them ("29-11-2026", "07:45", in this
// workstation's time zone): a page's first Intl.DateTimeFormat loads the calendar and time-zone data, which took
// 130–320 ms (on a busy two-core machine) before the first queue was on screen, for two fixed patterns.
const pad = (value: number) => String(value).padStart(2, '0');
const dutchDate = (date: Date) => `${pad(date.getDate())}-${pad(date.getMonth() + 1)}-${date.getFullYear()}`;
const dutchTime = (date: Date) => `${pad(date.getHours())}:${pad(date.getMinutes())}`;

export const formatDateTime = (iso: string | null): string => {
  const date = iso ? parse(iso) : null;
  // "29-11-2026 07:45": Dutch order without the comma Intl puts between date and time.
  return date ? `${dutchDate(date)} ${dutchTime(date)}` : '—';
};

export const formatDate = (iso: string | null): string => {
  const date = iso ? parse(iso) : null;
  return date ? dutchDate(date) : '—';
};

/** A calendar day (YYYY-MM-DD) as it is, whatever the time zone: due dates, sent dates, periods. */
export const formatDay = (day: string | null): string => {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  return match ? dutchDate(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : '—';
};

/** Today on this workstation's calendar, as YYYY-MM-DD (for date fields). */
export const todayIso = (now: Date = new Date()): string => localDayOf(now);

/** The calendar day `days` after `day` (both YYYY-MM-DD). */
export const addDays = (day: string, days: number): string => {
  const [year, month, date] = day.split('-').map(Number);
  return localDayOf(new Date(year!, month! - 1, date! + days));
};

const localDayOf = (date: Date): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

export const formatTime = (iso: string): string => {
  const date = parse(iso);
  return date ? dutchTime(date) : '—';
};

export const formatMoney = (cents: number): string => moneyFormat.format(cents / 100);

/** For dense columns: whole euros. */
export const formatMoneyWhole = (cents: number): string => wholeMoneyFormat.format(Math.round(cents / 100));

export const formatCount = (count: number): string => countFormat.format(count);

// Intl would also format a crypto ticker such as BTC as money, with two decimals; only real ISO 4217 codes qualify.
// Asked when a report's amount is first shown, not while the first screen starts.
let isoCurrencies: ReadonlySet<string> | null = null;
const isIsoCurrency = (code: string) => (isoCurrencies ??= new Set(Intl.supportedValuesOf('currency'))).has(code);

/** A decimal string from a report ("450.00") in Dutch notation; other text is shown as it is. */
export function formatDecimalAmount(amount: string, currency: string | null): string {
  const value = Number(amount);
  if (!Number.isFinite(value)) return amount;
  if (currency && isIsoCurrency(currency.toUpperCase())) {
    return new Intl.NumberFormat(LOCALE, { style: 'currency', currency: currency.toUpperCase() }).format(value);
  }
  const number = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 8 }).format(value);
  return currency ? `${number} ${currency}` : number;
}

export type AgeUnit = 'minutes' | 'hours' | 'days';

/** How long ago, in the largest whole unit: for the queue's age column. */
export function ageOf(iso: string, now: number): { unit: AgeUnit; count: number } {
  const date = parse(iso);
  const minutes = date ? Math.max(0, Math.floor((now - date.getTime()) / 60_000)) : 0;
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  if (minutes < 24 * 60) return { unit: 'hours', count: Math.floor(minutes / 60) };
  return { unit: 'days', count: Math.floor(minutes / (24 * 60)) };
}
