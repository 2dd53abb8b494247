import { mayReadAudit } from '../../shared/audit/readers';
import type { AppState } from './app-state';

/** The name to show for an officer id; system actors and unknown ids show as they are. */
export const selectOfficerName = (id: string | null) => (state: AppState): string | null =>
  id === null ? null : (state.officers.find((officer) => officer.id === id)?.displayName ?? id);

export const selectMyId = (state: AppState): string | null => state.session?.officer?.id ?? null;

/** Supervisors approve requests and edit routing rules and the directory (the hub enforces it too). */
export const selectIsSupervisor = (state: AppState): boolean => state.session?.officer?.role === 'supervisor';

/** Who may read what the audit log says about consultations: a report's trail, the Logboek (the core checks too). */
export const selectMayReadAudit = (state: AppState): boolean => mayReadAudit(state.session?.officer?.role);
