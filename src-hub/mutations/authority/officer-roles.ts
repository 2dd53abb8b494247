/**
 * Officers' roles as the hub's registry has them, looked up once per push. Only an active, registered supervisor
 * counts as a supervisor; anyone else — including a name the registry does not know — is an officer.
 */
import type { OfficerRole } from '../../../shared/requests/lifecycle';
import type { HubDb } from '../../db/database';
import { findOfficer } from '../../officers/registry';

export type RoleOf = (officerId: string) => Promise<OfficerRole>;

export function officerRoles(tx: HubDb): RoleOf {
  const known = new Map<string, OfficerRole>();
  return async (officerId) => {
    let role = known.get(officerId);
    if (role === undefined) {
      const officer = await findOfficer(tx, officerId);
      role = officer?.active && officer.role === 'supervisor' ? 'supervisor' : 'officer';
      known.set(officerId, role);
    }
    return role;
  };
}
