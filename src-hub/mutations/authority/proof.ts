/**
 * Whether a pushed mutation comes with proof from the officer it names: pushed under that officer's own session
 * or credential, or signed by a registered, unrevoked key of that officer over its canonical content
 * (shared/mutations/proof.ts). A shared workstation token proves no one; a session or credential proves only its
 * own officer. The officer must be registered and active.
 */
import { signedContent, type SignedMutation } from '../../../shared/mutations/proof';
import type { HubOfficer } from '../../../shared/hub/protocol';
import { findOfficerKey, verifySignature } from '../../auth/officer-keys';
import type { HubDb } from '../../db/database';
import { forbidden, type Refusal } from './refusal';

/** Who pushed: the officer whose session or credential it was, or null for a shared workstation token. */
export interface Pusher {
  officerId: string | null;
  /** `session` or `credential` (for the refusal's wording). */
  via: 'session' | 'credential' | 'token';
}

/** `mutation` as its officer signed it (perhaps in an older version's words): what the signature covers. */
export async function proofRefusal(tx: HubDb, mutation: SignedMutation, pusher: Pusher, officer: HubOfficer | null): Promise<Refusal | null> {
  if (officer === null) return forbidden(`"${mutation.officer}" is not an officer in the hub's registry; a change must name a registered officer`);
  if (!officer.active) {
    return { ...forbidden(`officer "${officer.id}" has been deactivated; this change is kept for a supervisor to see, not applied`), keep: true };
  }
  if (mutation.proof) {
    const key = await findOfficerKey(tx, mutation.proof.keyId);
    if (!key) return forbidden(`it is signed with a key the hub does not know (${mutation.proof.keyId}); the officer must sign in on this workstation again`);
    if (key.officerId !== mutation.officer) return forbidden(`it names "${mutation.officer}" but is signed with a key of "${key.officerId}"`);
    if (key.revoked) {
      // Perhaps a thief's change, perhaps the officer's own from before the loss: a supervisor decides, so it is kept.
      const reason = `it is signed with a key of "${mutation.officer}" that has been revoked (a lost or stolen workstation); this change is kept for a supervisor to see, not applied`;
      return { ...forbidden(reason), keep: true };
    }
    if (!verifySignature(key.key, signedContent(mutation), mutation.proof.signature)) {
      return forbidden(`its signature does not match its content: it was changed after "${mutation.officer}" signed it, or the signature is forged`);
    }
    return null;
  }
  if (pusher.officerId === mutation.officer) return null;
  if (pusher.officerId !== null) {
    return forbidden(`this is the ${pusher.via} of officer "${pusher.officerId}"; a change made by "${mutation.officer}" needs their own signature`);
  }
  return forbidden(`a shared workstation token cannot push an unsigned change; it needs the signature of "${mutation.officer}" or their own session`);
}
