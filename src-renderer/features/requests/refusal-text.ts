import type { TFunction } from 'i18next';
import type { RequestDetail } from '../../../shared/api/request-views';
import { transitionRule, type RequestState, type OfficerRole } from '../../../shared/requests/lifecycle';

export interface Viewer {
  id: string | null;
  role: OfficerRole | null;
}

/**
 * The guards (shared/requests/lifecycle.ts) explain refusals in English for logs and the hub. The refusals the
 * officer meets on screen are about who they are; those are said here in the officer's language, by the same
 * rules. Anything else keeps the guard's own words.
 */
export function stepRefusalText(detail: RequestDetail, to: RequestState, refusal: string, viewer: Viewer, t: TFunction): string {
  const rule = transitionRule(detail.state, to, detail.kind);
  if (rule?.needsAuthorOrSupervisor && viewer.role !== 'supervisor' && viewer.id !== detail.createdBy) return t('requests.next.refusal.authorOrSupervisor');
  if (!rule?.needsSecondSupervisor) return refusal;
  if (viewer.role !== 'supervisor') return t('requests.next.refusal.supervisorOnly');
  return viewer.id === detail.createdBy ? t('requests.next.refusal.fourEyes') : refusal;
}

/** Only a concept changes, and only by its author or a supervisor (refuseEdit). */
export function editRefusalText(detail: RequestDetail, t: TFunction): string {
  return detail.state !== 'draft' ? t('requests.detail.readOnlyBecause.notConcept') : t('requests.detail.readOnlyBecause.notAuthor');
}
