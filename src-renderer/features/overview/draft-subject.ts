import type { RequestDraftQuery } from '../../../shared/api/request-views';
import { isIndicatorType } from '../../../shared/indicators/types';
import type { Row } from './OverviewTable';

/** What a draft is about: a spike's or harm row's indicator, or the cluster of a report. */
export function subjectQuery(row: Row): RequestDraftQuery {
  const type = String(row.type);
  return isIndicatorType(type) ? { indicatorType: type, indicatorValue: String(row.value) } : { clusterReportId: String(row.value) };
}
