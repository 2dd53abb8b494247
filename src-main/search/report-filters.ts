/**
 * The filters the queue and the search share, as one WHERE over live reports (`reports r`): work status,
 * category, region (`''` for none), the received-date bounds and whether money was lost. The queue adds its own (assignee,
 * cluster, text) after these terms.
 */
import { dutchDayEnd, dutchDayStart } from '../../shared/platform/dutch-days';

export interface ReportFilters {
  workStatuses?: readonly string[] | undefined;
  categories?: readonly string[] | undefined;
  regions?: readonly string[] | undefined;
  /** Inclusive bounds on when the report was received (ISO dates or timestamps). */
  receivedFrom?: string | undefined;
  receivedTo?: string | undefined;
  hasLoss?: boolean | undefined;
}

export interface SqlWhere {
  terms: string[];
  params: unknown[];
}

const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A "received from" filter as an instant: a bare date means from the start of that Dutch day. */
export function receivedFromBound(value: string): string {
  return BARE_DATE.test(value) ? dutchDayStart(value) : new Date(value).toISOString();
}

/** A "received to" filter as an instant: a bare date means up to the end of that Dutch day. */
export function receivedToBound(value: string): string {
  return BARE_DATE.test(value) ? dutchDayEnd(value) : new Date(value).toISOString();
}

export function reportFilterWhere(filters: ReportFilters): SqlWhere {
  const terms = ["r.status = 'filed'"];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    terms.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  inList('r.work_status', filters.workStatuses);
  inList('r.category', filters.categories);
  // A region '' stands for reports without one (the overview's "none" row).
  const regions = filters.regions?.filter((region) => region !== '');
  if (regions !== undefined && regions.length < (filters.regions?.length ?? 0)) {
    terms.push(`(r.region IS NULL${regions.length > 0 ? ` OR r.region IN (${regions.map(() => '?').join(', ')})` : ''})`);
    params.push(...regions);
  } else inList('r.region', regions);
  if (filters.receivedFrom) {
    terms.push('r.received_at >= ?');
    params.push(receivedFromBound(filters.receivedFrom));
  }
  if (filters.receivedTo) {
    terms.push('r.received_at <= ?');
    params.push(receivedToBound(filters.receivedTo));
  }
  if (filters.hasLoss !== undefined) terms.push(filters.hasLoss ? 'r.loss_cents > 0' : 'r.loss_cents = 0');
  return { terms, params };
}
