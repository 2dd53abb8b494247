/**
 * What keeps a report whose daily-task period is over: the cases and requests it is in. The hub and the workstation
 * each find a report's holders in their own data and judge them here, so both purge alike.
 */
import { expiryDay, type RetentionPeriods } from './periods';

/** Why an expired report is still kept, in the order they are checked. */
export type HoldReason = 'openCase' | 'closedCaseWithinPeriod' | 'openRequest' | 'endedRequestWithinPeriod';

/** What a retention run prints and records. */
export interface RetentionOutcome {
  purged: number;
  kept: number;
  /** Of the kept reports whose daily-task period is over: how many each reason holds. */
  held: Partial<Record<HoldReason, number>>;
}

/** What stands where a purged report was quoted (in a request's text). */
export const PURGED_QUOTE = '[verwijderd: bewaartermijn verstreken]';

export interface Holder {
  open: boolean;
  /** When the case closed or the request ended (its last change then), ISO 8601. */
  endedAt: string;
  /** Which case or request (`case:<id>`, `action:<id>`), where the caller keeps it. */
  subject?: string;
}

/** The cases and the requests holding each report, by report id. */
export interface Holders {
  cases: Map<string, Holder[]>;
  requests: Map<string, Holder[]>;
}

export function addHolder(map: Map<string, Holder[]>, reportId: string, holder: Holder): void {
  const list = map.get(reportId);
  if (list) list.push(holder);
  else map.set(reportId, [holder]);
}

/** Whether the daily task's period of a report last received at `receivedAt` is over on `asOf` (YYYY-MM-DD). */
export function dailyTaskExpired(receivedAt: string, periods: RetentionPeriods, asOf: string): boolean {
  return expiryDay(receivedAt, periods.dailyTaskYears) <= asOf;
}

/** Every report received before this day may have expired (a cheap first filter; dailyTaskExpired decides). */
export function dailyTaskBound(asOf: string, periods: RetentionPeriods): string {
  return expiryDay(`${asOf}T00:00:00Z`, -periods.dailyTaskYears);
}

export function holdReason(reportId: string, holders: Holders, periods: RetentionPeriods, asOf: string): HoldReason | null {
  const cases = holders.cases.get(reportId) ?? [];
  if (cases.some((holder) => holder.open)) return 'openCase';
  if (cases.some((holder) => expiryDay(holder.endedAt, periods.caseYears) > asOf)) return 'closedCaseWithinPeriod';
  const requests = holders.requests.get(reportId) ?? [];
  if (requests.some((holder) => holder.open)) return 'openRequest';
  if (requests.some((holder) => expiryDay(holder.endedAt, periods.caseYears) > asOf)) return 'endedRequestWithinPeriod';
  return null;
}

/** Splits the reports whose daily task expired into those to purge and counts of what holds the others. */
export function judgeExpired<T extends { reportId: string }>(candidates: readonly T[], holders: Holders, periods: RetentionPeriods, asOf: string) {
  const expired: T[] = [];
  const held: Partial<Record<HoldReason, number>> = {};
  for (const candidate of candidates) {
    const reason = holdReason(candidate.reportId, holders, periods, asOf);
    if (reason === null) expired.push(candidate);
    else held[reason] = (held[reason] ?? 0) + 1;
  }
  return { expired, held };
}
