import type { ApiParams } from '../../shared/api/contract';
import type { RequestDraftView } from '../../shared/api/request-views';

/** What an officer creates when they accept a draft as proposed (suggested addressee, whole bundle, no personal data). */
export function acceptedDraft(draft: RequestDraftView): ApiParams<'request.create'> {
  return {
    kind: draft.kind,
    indicatorType: draft.indicatorType,
    indicatorValue: draft.indicatorValue,
    caseId: draft.caseId,
    clusterReportId: draft.clusterReportId,
    ...(draft.batchIndicators.length > 0 ? { batchIndicators: draft.batchIndicators } : {}),
    title: draft.title,
    addresseeId: draft.addressee.suggestedId,
    reportIds: draft.bundle.reports.map((report) => report.reportId),
    includePersonalData: false,
    legalBasis: draft.legalBasis,
    body: draft.body,
  };
}
