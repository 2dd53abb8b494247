/** The payload of an `action.create` a supervisor signs for a public warning on a case: listing no report of it. */
export const warningOnCase = (caseId: string, body: string, title = 'Publiekswaarschuwing') => ({
  actionId: crypto.randomUUID(),
  kind: 'prevention_warning' as const,
  indicatorType: null,
  indicatorValue: null,
  caseId,
  clusterReportId: null,
  title,
  addresseeId: null,
  reportIds: [],
  includePersonalData: false,
  legalBasis: 'Publieksvoorlichting (art. 3 Politiewet 2012)',
  body,
});
