/** Dates and amounts as Dutch officers and addressees read them (dates: the calendar day in the Netherlands, not UTC). */
const LONG_FORMAT = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** `2026-11-02` → `2 november 2026`. */
export function longDutchDate(day: string): string {
  return LONG_FORMAT.format(new Date(`${day}T00:00:00Z`));
}

const EURO_FORMAT = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** 123456 → `€ 1.234,56`. */
export function formatEuro(cents: number): string {
  return EURO_FORMAT.format(cents / 100);
}
