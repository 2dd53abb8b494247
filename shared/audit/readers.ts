import type { OfficerRole } from '../api/views';

/**
 * Who may read what the audit log says about officers' consultations (a report's trail, the Logboek): supervisors
 * and the privacy officer.
 * Need-to-know: an officer learns nothing from who else looked at a victim's report, and it must not become a way
 * to watch colleagues. One rule for the core's refusal and the screens that hide what it would refuse.
 */
export const AUDIT_READER_ROLES: readonly OfficerRole[] = ['supervisor', 'privacy'];

export const mayReadAudit = (role: OfficerRole | null | undefined): boolean => role !== null && role !== undefined && AUDIT_READER_ROLES.includes(role);
