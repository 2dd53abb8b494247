import type Database from 'better-sqlite3';
import { REQUEST_KIND_OF_INDICATOR, type RequestKind } from '../../shared/requests/lifecycle';
import type { CanonicalIndicator } from '../../shared/indicators/types';
import type { DirectoryEntryView } from '../../shared/requests/directory';
import type { RequestDraftQuery, RequestDraftView } from '../../shared/api/request-views';
import { AppError } from '../../shared/errors';
import { requireCase, requireReport } from '../mutations/services/guards';
import { deriveAddressee } from './addressee-route';
import { canonicalBatch, canonicalIndicator, requireFittingIndicator, routeSubject } from './request-subject';
import { buildBundle } from './bundle';
import { scopeReportIds } from '../queries/bundle-scope';
import { listDirectory } from './directory-entries';
import { batchBody, batchTitle, defaultBody, defaultLegalBasis, defaultTitle } from './draft-texts';
import { warningFacts } from './warning-facts';
import { warningText, warningTitle } from './warning-template';

/** A batched letter goes to one addressee: every indicator must route to the same directory entry. */
function requireOneAddressee(kind: RequestKind, indicators: readonly CanonicalIndicator[], directory: DirectoryEntryView[]): void {
  const routes = indicators.map((indicator) => ({ indicator, to: deriveAddressee(routeSubject(kind, indicator), directory).suggestedId }));
  if (new Set(routes.map((route) => route.to)).size === 1 && routes[0]!.to !== null) return;
  const named = routes.map((route) => `${route.indicator.value} → ${route.to ?? 'no addressee found'}`).join('; ');
  throw new AppError('BAD_INPUT', `A batched letter goes to one addressee, but these indicators do not: ${named}. Draft a letter per addressee.`);
}

/**
 * A proposed request from an indicator, a case or a cluster: addressee, bundle (no personal data) and default texts;
 * for a prevention warning the public text from the B1 template, naming suspects' details only when asked to.
 */
export function draftRequest(sqlite: Database.Database, query: RequestDraftQuery): RequestDraftView {
  const indicator = canonicalIndicator(query.indicatorType, query.indicatorValue);
  const kind = query.kind ?? (indicator ? REQUEST_KIND_OF_INDICATOR[indicator.type] : 'prevention_warning');
  requireFittingIndicator(kind, indicator);
  const caseId = query.caseId ?? null;
  const clusterReportId = query.clusterReportId ?? null;
  if (caseId !== null) requireCase(sqlite, caseId);
  if (clusterReportId !== null) requireReport(sqlite, clusterReportId);
  if (!indicator && caseId === null && clusterReportId === null) throw new AppError('BAD_INPUT', 'A draft needs an indicator, a case or a cluster to be about.');
  const batch = kind === 'prevention_warning' ? [] : canonicalBatch(indicator, query.batch);
  const directory = listDirectory(sqlite);
  const addressee = deriveAddressee(routeSubject(kind, indicator), directory);
  if (batch.length > 0) requireOneAddressee(kind, [indicator!, ...batch], directory);
  const reportIds = scopeReportIds(sqlite, { indicator, batch, caseId, clusterReportId });
  const bundle = buildBundle(sqlite, { reportIds, indicator, batch });
  const texts =
    kind === 'prevention_warning' || indicator === null
      ? { title: warningTitle(bundle.categories[0]?.category ?? null), body: warningText(warningFacts(sqlite, bundle, query.nameSuspects === true)) }
      : batch.length > 0
        ? { title: batchTitle(kind, [indicator, ...batch]), body: batchBody(kind, [indicator, ...batch]) }
        : { title: defaultTitle(kind, indicator), body: defaultBody(kind, indicator) };
  return {
    kind: kind,
    title: texts.title,
    indicatorType: indicator?.type ?? null,
    indicatorValue: indicator?.value ?? null,
    batchIndicators: batch,
    caseId,
    clusterReportId,
    addressee,
    bundle,
    legalBasis: defaultLegalBasis(kind),
    body: texts.body,
  };
}
