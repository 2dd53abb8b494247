const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A "received from" filter as an instant: a bare date means from the start of that day (UTC). */
export function receivedFromBound(value: string): string {
  return BARE_DATE.test(value) ? `${value}T00:00:00.000Z` : new Date(value).toISOString();
}

/** A "received to" filter as an instant: a bare date means up to the end of that day (UTC). */
export function receivedToBound(value: string): string {
  return BARE_DATE.test(value) ? `${value}T23:59:59.999Z` : new Date(value).toISOString();
}
