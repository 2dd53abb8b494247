/** The machine-readable export of a request (`puzzelstuk-action/1`): what the letter says, as data. */
import type { RequestDetail, RequestExport } from '../../shared/api/request-views';

export const approverOf = (detail: RequestDetail): string | null => detail.steps.find((step) => step.to === 'approved')?.by ?? null;

export function buildRequestExport(detail: RequestDetail, generatedAt: string): RequestExport {
  const { bundle } = detail;
  return {
    schema: 'puzzelstuk-action/1',
    actionId: detail.actionId,
    kind: detail.kind,
    state: detail.state,
    title: detail.title,
    indicator: detail.indicatorType !== null && detail.indicatorValue !== null ? { type: detail.indicatorType, value: detail.indicatorValue } : null,
    addressee: detail.addressee && {
      id: detail.addressee.id,
      name: detail.addressee.name,
      email: detail.addressee.email ?? null,
      postalAddress: detail.addressee.postalAddress ?? null,
    },
    legalBasis: detail.legalBasis,
    body: detail.body,
    author: detail.createdBy,
    createdAt: detail.createdAt,
    approvedBy: approverOf(detail),
    sentAt: detail.sentAt,
    dueAt: detail.dueAt,
    summary: { victims: bundle.victims, totalLossCents: bundle.totalLossCents, period: bundle.period, categories: bundle.categories },
    reports: bundle.reports,
    generatedAt,
  };
}

/** `verzoek-<id>.pdf`: the reference the addressee quotes back is the action id. */
export const requestFileName = (actionId: string, extension: 'pdf' | 'json') => `verzoek-${actionId}.${extension}`;
