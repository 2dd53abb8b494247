import { OPEN_REQUEST_STATES, type RequestState } from '../../shared/requests/lifecycle';
import type { RequestSummaryView } from '../../shared/api/request-views';
import type { RequestRecord } from './request-record';

/** Still waiting for something and past its due date (`today` is the workstation's Dutch calendar day). */
function isOverdue(state: RequestState, dueAt: string | null, today: string): boolean {
  return dueAt !== null && dueAt < today && OPEN_REQUEST_STATES.includes(state);
}

export function toSummaryView(record: RequestRecord, addresseeName: string | null, today: string): RequestSummaryView {
  return {
    actionId: record.id,
    kind: record.kind,
    title: record.title,
    state: record.state,
    indicatorType: record.indicator?.type ?? null,
    indicatorValue: record.indicator?.value ?? null,
    batchIndicators: record.payload.batchIndicators,
    caseId: record.caseId,
    addresseeId: record.addresseeId,
    addresseeName,
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    sentAt: record.sentAt,
    dueAt: record.dueAt,
    executedAt: record.executedAt,
    overdue: isOverdue(record.state, record.dueAt, today),
    reportCount: record.payload.reportIds.length,
  };
}
