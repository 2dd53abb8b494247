/**
 * Whose a workstation's audit log on the hub is: the workstation's audit key (Ed25519) that signed its first push.
 * Every push must be signed by that key over its entries' places and hashes (shared/audit/chain.ts), whatever
 * token carries it — an officer's credential or session, or a station's token — so no other workstation can
 * append to or fork a log that is not its own.
 */
import { eq } from 'drizzle-orm';
import { auditPushContent } from '../../shared/audit/chain';
import type { AuditPushRequest } from '../../shared/hub/protocol';
import { ed25519PublicKey, verifySignature } from '../auth/officer-keys';
import type { HubDb } from '../db/database';
import { auditChainKeys } from '../db/schema';

/** A push not signed by the key the workstation's log is kept under. */
export class AuditChainForeign extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'AuditChainForeign';
  }
}

function signedByItsKey(push: AuditPushRequest): boolean {
  try {
    return verifySignature(ed25519PublicKey(push.proof.publicKey), auditPushContent(push.workstationId, push.entries), push.proof.signature);
  } catch {
    return false;
  }
}

/** Checks the push's signature and that its key is the log's (binding it on the log's first push); throws AuditChainForeign. */
export async function claimChain(tx: HubDb, push: AuditPushRequest, now: string): Promise<void> {
  if (!signedByItsKey(push)) throw new AuditChainForeign('the push’s signature does not match its entries: it was changed after the workstation signed it, or the signature is forged');
  const [bound] = await tx.select({ publicKey: auditChainKeys.publicKey }).from(auditChainKeys).where(eq(auditChainKeys.workstationId, push.workstationId));
  if (bound === undefined) {
    await tx.insert(auditChainKeys).values({ workstationId: push.workstationId, publicKey: push.proof.publicKey, boundAt: now });
    return;
  }
  if (bound.publicKey !== push.proof.publicKey) {
    throw new AuditChainForeign('this workstation’s audit log is kept under another workstation’s key; a workstation pushes only its own log');
  }
}

/**
 * Forgets the key a workstation's log is kept under (its store was restored without it): the next signed push that
 * continues the chain binds its key. Answers false when the hub keeps no key for that workstation.
 */
export async function forgetChainKey(db: HubDb, workstationId: string): Promise<boolean> {
  const forgotten = await db.delete(auditChainKeys).where(eq(auditChainKeys.workstationId, workstationId)).returning({ workstationId: auditChainKeys.workstationId });
  return forgotten.length > 0;
}
