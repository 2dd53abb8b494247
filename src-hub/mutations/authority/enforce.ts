/**
 * The hub enforces roles, not only the UI: each new mutation of a push is judged in push order, inside the push's
 * transaction and before anything of it is visible, against the hub's registry of officers and its own state of
 * requests and routes. One refusal answers the whole push and stores nothing (see ./refusal.ts).
 */
import { SUPERVISOR_KINDS, type AnyMutation, type MutationKind } from '../../../shared/mutations/kinds';
import type { HubDb } from '../../db/database';
import { actionRefusal } from './action-authority';
import { officerRoles, type RoleOf } from './officer-roles';
import { forbidden, refusalError, type Refusal } from './refusal';
import { claimAutomaticRoute } from './route-authority';

export interface PushedMutation {
  /** Its place in the push (for the error that names it). */
  index: number;
  mutation: AnyMutation;
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
 * Throws the refusal of the first mutation the hub does not allow. `boundOfficer` is the officer whose credential
 * pushed (null for a shared workstation token, which may push any officer's changes).
 */
export async function enforceAuthority(tx: HubDb, fresh: readonly PushedMutation[], boundOfficer: string | null): Promise<void> {
  const roleOf = officerRoles(tx);
  for (const { index, mutation } of fresh) {
    const refusal = await refusalOf(tx, mutation, boundOfficer, roleOf);
    if (refusal) throw refusalError(refusal, index, mutation.id);
  }
}

async function refusalOf(tx: HubDb, mutation: AnyMutation, boundOfficer: string | null, roleOf: RoleOf): Promise<Refusal | null> {
  if (boundOfficer !== null && mutation.officer !== boundOfficer) {
    return forbidden(`this is the credential of officer "${boundOfficer}"; it cannot push a change made by "${mutation.officer}"`);
  }
  const task = supervisorTask(mutation);
  if (task !== null && (await roleOf(mutation.officer)) !== 'supervisor') {
    return forbidden(`only a supervisor may ${task}, and "${mutation.officer}" is not an active supervisor in the hub's registry`);
  }
  switch (mutation.kind) {
    case 'action.create':
    case 'action.edit':
    case 'action.setReports':
    case 'action.transition':
      return actionRefusal(tx, mutation, roleOf);
    case 'report.route':
      return mutation.payload.automatic ? claimAutomaticRoute(tx, mutation) : null;
    default:
      return null;
  }
}
