import type Database from 'better-sqlite3';
import { ACTION_KIND_OF_INDICATOR } from '../../shared/requests/lifecycle';
import type { ActionDraftQuery, ActionDraftView } from '../../shared/api/action-views';
import { AppError } from '../../shared/errors';
import { requireCase, requireReport } from '../mutations/services/guards';
import { deriveAddressee } from './addressee-route';
import { canonicalIndicator, requireFittingIndicator, routeSubject } from './action-subject';
import { buildBundle } from './bundle';
import { scopeReportIds } from './bundle-scope';
import { listDirectory } from './directory-entries';
import { defaultBody, defaultLegalBasis, defaultTitle } from './draft-texts';
import { warningFacts } from './warning-facts';
import { warningText, warningTitle } from './warning-template';

/**
 * A proposed request from an indicator, a case or a cluster: addressee, bundle (no personal data) and default texts;
 * for a prevention warning the public text from the B1 template, naming suspects' details only when asked to.
 */
export function draftAction(sqlite: Database.Database, query: ActionDraftQuery): ActionDraftView {
  const indicator = canonicalIndicator(query.indicatorType, query.indicatorValue);
  const kind = query.kind ?? (indicator ? ACTION_KIND_OF_INDICATOR[indicator.type] : 'prevention_warning');
  requireFittingIndicator(kind, indicator);
  const caseId = query.caseId ?? null;
  const clusterReportId = query.clusterReportId ?? null;
  if (caseId !== null) requireCase(sqlite, caseId);
  if (clusterReportId !== null) requireReport(sqlite, clusterReportId);
  if (!indicator && caseId === null && clusterReportId === null) throw new AppError('BAD_INPUT', 'A draft needs an indicator, a case or a cluster to be about.');
  const reportIds = scopeReportIds(sqlite, { indicator, caseId, clusterReportId });
  const bundle = buildBundle(sqlite, { reportIds, indicator });
  const texts =
    kind === 'prevention_warning' || indicator === null
      ? { title: warningTitle(bundle.categories[0]?.category ?? null), body: warningText(warningFacts(sqlite, bundle, query.nameSuspects === true)) }
      : { title: defaultTitle(kind, indicator), body: defaultBody(kind, indicator) };
  return {
    kind: kind,
    title: texts.title,
    indicatorType: indicator?.type ?? null,
    indicatorValue: indicator?.value ?? null,
    caseId,
    clusterReportId,
    addressee: deriveAddressee(routeSubject(kind, indicator), listDirectory(sqlite)),
    bundle,
    legalBasis: defaultLegalBasis(kind),
    body: texts.body,
  };
}
