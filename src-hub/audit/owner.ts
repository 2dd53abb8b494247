/**
 * Whose a workstation's audit log on the hub is: the workstation token that pushed its first entries. A station
 * holding another token cannot append to, fork or read the head of a log that is not its own.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../../shared/platform/clock';
import type { HubDb } from '../db/database';
import { auditChainOwners, hubTokens } from '../db/schema';

/** A push or read of a chain that is not the caller's (another station's log), or by an officer's session. */
export class AuditChainForeign extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'AuditChainForeign';
  }
}

/**
 * Makes sure the chain is the caller's: a workstation's log is kept under the station token that pushed its first
 * entries (bound then). `tokenId` is the caller's token when it is a station's (null for an officer's session
 * or credential: an officer is not a workstation and keeps no log). Throws AuditChainForeign otherwise.
 */
export async function claimChain(tx: HubDb, workstationId: string, tokenId: number | null, now: string, bindIfFree: boolean): Promise<void> {
  if (tokenId === null) throw new AuditChainForeign('a workstation’s audit log is pushed and read under the workstation’s own token, not an officer’s session or credential');
  const [owner] = await tx.select({ tokenId: auditChainOwners.tokenId }).from(auditChainOwners).where(eq(auditChainOwners.workstationId, workstationId));
  if (owner === undefined) {
    if (bindIfFree) await tx.insert(auditChainOwners).values({ workstationId, tokenId, boundAt: now });
    return;
  }
  if (owner.tokenId !== tokenId) throw new AuditChainForeign('this workstation’s audit log is kept under another workstation token; a station pushes and reads only its own log');
}

/**
 * Moves a workstation's log to another workstation token (a station's token was replaced): the new token continues
 * the chain, the old one no longer may. Answers false when the hub holds no log of that workstation.
 */
export async function rebindChain(db: HubDb, clock: Clock, workstationId: string, tokenName: string): Promise<boolean> {
  const [token] = await db
    .select({ id: hubTokens.id })
    .from(hubTokens)
    .where(and(eq(hubTokens.name, tokenName), eq(hubTokens.role, 'workstation'), isNull(hubTokens.revokedAt)));
  if (token === undefined) throw new AuditChainForeign(`no workstation token in use is named "${tokenName}"`);
  const moved = await db
    .update(auditChainOwners)
    .set({ tokenId: token.id, boundAt: clock.now().toISOString() })
    .where(eq(auditChainOwners.workstationId, workstationId))
    .returning({ workstationId: auditChainOwners.workstationId });
  return moved.length > 0;
}
