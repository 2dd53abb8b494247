/**
 * The hub enforces roles, not only the UI: each new mutation of a push is judged in push order, inside the push's
 * transaction and before anything of it is visible, against the hub's registry of officers and its own state of
 * requests and routes. One refusal answers the whole push and stores nothing (see ./refusal.ts).
 */
import { SUPERVISOR_KINDS, type AnyMutation, type MutationKind } from '../../../shared/mutations/kinds';
import type { ValidMutation } from '../../../shared/mutations/schema';
import type { HubDb } from '../../db/database';
import { requestRefusal } from './request-authority';
import { officerRegistry, type RoleOf } from './officer-roles';
import { proofRefusal, type Pusher } from './proof';
import { purgedRefusals } from './purged-reports';
import { withdrawnNoteRefusals } from './withdrawn-notes';
import { forbidden, refusalError, type Refusal } from './refusal';
import { claimAutomaticRoute } from './route-authority';

export interface PushedMutation extends ValidMutation {
  /** Its place in the push (for the error that names it). */
  index: number;
}

const SUPERVISOR_TASKS: Partial<Record<MutationKind, string>> = {
  'benign.add': 'change the benign list',
  'benign.remove': 'change the benign list',
  'directory.put': 'change the directory of addressees',
  'directory.remove': 'change the directory of addressees',
  'routing.put': 'change the routing rules',
  'routing.remove': 'change the routing rules',
};

function supervisorTask(mutation: AnyMutation): string | null {
  if (SUPERVISOR_KINDS.includes(mutation.kind)) return SUPERVISOR_TASKS[mutation.kind] ?? `make "${mutation.kind}" changes`;
  if (mutation.kind === 'report.route' && !mutation.payload.automatic) {
    return mutation.payload.ruleId === null ? 're-route a report by hand' : 'apply the routing rules to a report';
  }
  return null;
}

/**
 * Throws the refusal of the first mutation the hub does not allow: one without its officer's proof (./proof.ts)
 * first, then one naming a purged report or quoting one (./purged-reports.ts). Whatever refuses such a change, what
 * is kept of it for supervisors is kept without its payload. `arrivedAt` is the hub's clock at the push.
 */
export async function enforceAuthority(tx: HubDb, fresh: readonly PushedMutation[], pusher: Pusher, arrivedAt: Date): Promise<void> {
  const registry = officerRegistry(tx);
  // After purgedRefusals has locked the reports the push names.
  const purgedOnes = await purgedRefusals(tx, fresh, arrivedAt);
  const aboutPurged = new Map([...(await withdrawnNoteRefusals(tx, fresh, arrivedAt)), ...purgedOnes]);
  for (const { index, mutation, signed } of fresh) {
    const purged = aboutPurged.get(mutation.id);
    const refusal = (await proofRefusal(tx, signed, pusher, await registry.find(mutation.officer))) ?? purged ?? (await refusalOf(tx, mutation, registry.roleOf));
    if (refusal) throw refusalError(purged ? { ...refusal, withoutPayload: true } : refusal, index, signed);
  }
}

async function refusalOf(tx: HubDb, mutation: AnyMutation, roleOf: RoleOf): Promise<Refusal | null> {
  const task = supervisorTask(mutation);
  if (task !== null && (await roleOf(mutation.officer)) !== 'supervisor') {
    return forbidden(`only a supervisor may ${task}, and "${mutation.officer}" is not an active supervisor in the hub's registry`);
  }
  switch (mutation.kind) {
    case 'action.create':
    case 'action.edit':
    case 'action.setReports':
    case 'action.transition':
      return requestRefusal(tx, mutation, roleOf);
    case 'report.route':
      return mutation.payload.automatic ? claimAutomaticRoute(tx, mutation) : null;
    default:
      return null;
  }
}
