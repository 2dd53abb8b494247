/**
 * Officers as the hub's registry has them, looked up once per push. Only an active, registered supervisor counts
 * as a supervisor; anyone else is an officer (changes of unknown or deactivated officers are refused before their
 * role matters; see ./proof.ts).
 */
import type { HubOfficer } from '../../../shared/hub/protocol';
import type { OfficerRole } from '../../../shared/requests/lifecycle';
import type { HubDb } from '../../db/database';
import { findOfficer } from '../../officers/registry';

export type RoleOf = (officerId: string) => Promise<OfficerRole>;

export function officerRegistry(tx: HubDb): { find: (officerId: string) => Promise<HubOfficer | null>; roleOf: RoleOf } {
  const known = new Map<string, HubOfficer | null>();
  const find = async (officerId: string) => {
    if (!known.has(officerId)) known.set(officerId, await findOfficer(tx, officerId));
    return known.get(officerId)!;
  };
  return {
    find,
    roleOf: async (officerId) => {
      const officer = await find(officerId);
      return officer?.active && officer.role === 'supervisor' ? 'supervisor' : 'officer';
    },
  };
}
