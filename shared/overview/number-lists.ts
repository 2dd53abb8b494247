/**
 * The list behind each number of the overview: the work queue's filters, or the requests list's query, that
 * select exactly the reports or requests the number counts. The screen opens them; the tests count them.
 */
import type { RequestQuery } from '../api/request-views';
import type { QueueFilters } from '../api/views';
import { isIndicatorType, type IndicatorType } from '../indicators/types';
import type { Category } from '../intake/vocabulary';
import type { AgeBucket, DisruptionEntry, Overview, RisingShape, Spike, WeekCounts } from './types';

type Scope = Pick<Overview, 'asOf' | 'team'>;

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const AGE_DAYS: Record<AgeBucket, [newest: number, oldest: number | null]> = { '0-2d': [0, 2], '3-7d': [3, 7], '8-30d': [8, 30], '31d+': [31, null] };

/** Reports received by the as-of day, of the overview's team when it is limited to one; any status. */
const received = ({ asOf, team }: Scope): QueueFilters => ({ workStatuses: [], receivedTo: asOf, ...(team === null ? {} : { teams: [team] }) });

/**
 * Reports open at the end of the as-of day (the backlog), optionally only those past their service level: open as
 * of that day, not now — a report closed since counts, as the backlog counts it.
 */
function backlog(scope: Scope, overdue: boolean, filters: QueueFilters = {}): QueueFilters {
  return { ...received(scope), openOn: scope.asOf, ...(overdue ? { overdueOn: scope.asOf } : {}), ...filters };
}

export const backlogLists = {
  open: (scope: Scope, overdue = false) => backlog(scope, overdue),
  age: (scope: Scope, bucket: AgeBucket) => {
    const [newest, oldest] = AGE_DAYS[bucket];
    return backlog(scope, false, { receivedTo: addDays(scope.asOf, -newest), ...(oldest === null ? {} : { receivedFrom: addDays(scope.asOf, -oldest) }) });
  },
  team: (scope: Scope, team: string, overdue = false) => backlog(scope, overdue, { teams: [team] }),
  officer: (scope: Scope, officer: string, overdue = false) => backlog(scope, overdue, { assignee: officer }),
  region: (scope: Scope, region: string, overdue = false) => backlog(scope, overdue, { regions: [region] }),
  category: (scope: Scope, category: Category, overdue = false) => backlog(scope, overdue, { categories: [category] }),
};

/** The last seven days ending at the as-of day, as the trends, rising terms and shapes count them. */
const lastSevenDays = (scope: Scope): QueueFilters => ({ ...received(scope), receivedFrom: addDays(scope.asOf, -6) });

export const weeklyLists = {
  received: (scope: Scope, week: WeekCounts) => ({ ...received(scope), receivedFrom: week.from, receivedTo: week.to }),
  /** The reports that lost money that week (the loss is their sum). */
  loss: (scope: Scope, week: WeekCounts) => ({ ...received(scope), receivedFrom: week.from, receivedTo: week.to, hasLoss: true }),
  /** The reports open at the end of the week (the backlog's trend), whatever their status now. */
  openAtEnd: (scope: Scope, week: WeekCounts): QueueFilters => ({ ...received(scope), receivedTo: week.to, openOn: week.to }),
  closed: (scope: Scope, week: WeekCounts): QueueFilters => ({ ...(scope.team === null ? {} : { teams: [scope.team] }), workStatuses: ['closed'], closedFrom: week.from, closedTo: week.to }),
  requestsSent: (week: WeekCounts): RequestQuery => ({ sentFrom: week.from, sentTo: week.to }),
  requestsExecuted: (week: WeekCounts): RequestQuery => ({ executedFrom: week.from, executedTo: week.to }),
  trend: (scope: Scope, category: Category) => ({ ...lastSevenDays(scope), categories: [category] }),
};

export const risingLists = {
  spike: (scope: Scope, spike: Spike): QueueFilters => ({
    ...received(scope),
    receivedFrom: spike.recentFrom,
    ...(isIndicatorType(spike.type) ? { indicator: { type: spike.type, value: spike.value } } : { clusterOf: spike.value }),
  }),
  term: (scope: Scope, term: string) => ({ ...lastSevenDays(scope), summaryTerm: term }),
  shape: (scope: Scope, shape: RisingShape) => ({ ...lastSevenDays(scope), shape: { kind: shape.kind, shape: shape.shape } }),
  /** Every report naming the indicator up to the as-of day: a harm row's victims, a fresh brand domain's reports. */
  indicator: (scope: Scope, type: IndicatorType, value: string) => ({ ...received(scope), indicator: { type, value } }),
};

/**
 * The ledger's effect: reports still naming what the addressee blocked, received after the block up to the as-of
 * day. Of every team, as the ledger counts its requests.
 */
export const reportsAfterBlockList = (scope: Scope, addresseeId: string): QueueFilters => ({ workStatuses: [], receivedTo: scope.asOf, afterBlock: { addresseeId, asOf: scope.asOf } });

export type LedgerColumn = keyof Pick<DisruptionEntry, 'sent' | 'executed' | 'refused' | 'overdue'>;

/** The requests behind a number of the disruption ledger (overdue as the workstation's clock judges it: the overview is of today). */
export function ledgerList(scope: Scope, addresseeId: string, column: LedgerColumn): RequestQuery {
  const sent = { addresseeId, sentTo: scope.asOf };
  switch (column) {
    case 'sent':
      return sent;
    case 'executed':
      return { ...sent, states: ['executed'], executedTo: scope.asOf };
    case 'refused':
      return { ...sent, states: ['refused'] };
    case 'overdue':
      return { ...sent, states: ['sent', 'acknowledged'], overdueOnly: true };
  }
}
