import type Database from 'better-sqlite3';
import { nextStates, refuseEdit, refuseTransition, type TransitionActor } from '../../shared/requests/lifecycle';
import type { RequestDetail, RequestNextStep } from '../../shared/api/request-views';
import { requireRequest, stepViews, type RequestRecord } from './request-record';
import { effectAfterExecution, newReportIds } from './request-scope';
import { routeSubject } from './request-subject';
import { toSummaryView } from './request-summary';
import { deriveAddressee } from './addressee-route';
import { buildBundle } from './bundle';
import { listDirectory } from './directory-entries';
import { dutchDay } from '../../shared/platform/dutch-days';

/** Who looks at the request and when; reading a bundle with personal data is audited in their name. */
export interface RequestViewer extends TransitionActor {
  now: Date;
  /** Why they read the reporters' data (checked); without one a request's personal data is withheld. */
  purpose: string | null;
  /** Where the data goes, in the audit log: `request.get`, `request.letter`, `request.export`. */
  use: string;
}

/**
 * The steps the viewer could take next and, for each, why they may not — only refusals about who they are:
 * the facts a step needs (a reason, the date it was sent) are asked when they take it.
 */
function nextStepsFor(action: RequestRecord, viewer: TransitionActor, today: string): RequestNextStep[] {
  const facts = { reason: 'x', method: 'email', occurredAt: today, dueAt: today, reference: 'x' } as const;
  const subject = { state: action.state, author: action.createdBy, kind: action.kind };
  return nextStates(action.state, action.kind).map((to) => ({ to, refusal: refuseTransition(subject, viewer, { from: action.state, to, ...facts })?.reason ?? null }));
}

/**
 * A request with everything the detail screen shows; reads the reporters' data (audited) only when the request
 * includes it and the viewer gave a purpose — without one it is withheld (`reportersWithheld`).
 */
export function requestDetail(sqlite: Database.Database, actionId: string, viewer: RequestViewer): RequestDetail {
  const action = requireRequest(sqlite, actionId);
  const today = dutchDay(viewer.now);
  const directory = listDirectory(sqlite);
  const addressee = directory.find((entry) => entry.id === action.addresseeId) ?? null;
  const included = action.payload.includePersonalData;
  const personalData = included && viewer.purpose !== null ? { officer: viewer.id, at: viewer.now.toISOString(), actionId, purpose: viewer.purpose, use: viewer.use } : null;
  return {
    ...toSummaryView(action, addressee?.name ?? null, today),
    clusterReportId: action.payload.clusterReportId,
    legalBasis: action.payload.legalBasis,
    body: action.payload.body,
    includePersonalData: included,
    reportersWithheld: included && personalData === null,
    addressee,
    route: deriveAddressee(routeSubject(action.kind, action.indicator), directory),
    bundle: buildBundle(sqlite, { reportIds: action.payload.reportIds, indicator: action.indicator, batch: action.payload.batchIndicators }, personalData),
    newReportIds: newReportIds(sqlite, action),
    steps: stepViews(action),
    nextSteps: nextStepsFor(action, viewer, today),
    effect: effectAfterExecution(sqlite, action),
    editRefusal: refuseEdit(action.state, action.createdBy, viewer)?.reason ?? null,
  };
}
