import { OPEN_ACTION_STATES, type ActionState } from '../../shared/requests/lifecycle';
import type { ActionSummaryView } from '../../shared/api/action-views';
import type { ActionRecord } from './action-record';

/** Still waiting for something and past its due date (`today` is the workstation's Dutch calendar day). */
function isOverdue(state: ActionState, dueAt: string | null, today: string): boolean {
  return dueAt !== null && dueAt < today && OPEN_ACTION_STATES.includes(state);
}

export function toSummaryView(record: ActionRecord, addresseeName: string | null, today: string): ActionSummaryView {
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
