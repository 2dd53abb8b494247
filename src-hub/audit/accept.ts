/**
 * Accepting a workstation's audit entries: only as the continuation of the chain the hub holds for it. Entries it
 * holds already are accepted again when they are the same (a retried push after a lost answer); anything else —
 * another entry where one is held (a fork), a gap, an entry out of order or not matching its hash — refuses the
 * whole push and is recorded for supervisors.
 */
import { and, asc, between, desc, eq } from 'drizzle-orm';
import type { AuditChainHead, AuditPushRequest } from '../../shared/hub/protocol';
import { sql } from 'drizzle-orm';
import type { HubDb } from '../db/database';
import { inTransaction } from '../db/database';
import { auditChainRefusals, auditEntries } from '../db/schema';
import { claimChain } from './owner';
import { chainBreak } from './chain-hash';
import { keepLateAuditedRegions } from './report-regions';
import { indexIntakeEntries } from './intake-entry-reports';

/** First key of the two-key advisory locks taken per workstation's chain (`hashtext(workstationId)` the second). */
const AUDIT_CHAIN_LOCK_CLASS = 0x6175_6400; // "aud"

export class AuditChainRefused extends Error {
  constructor(
    readonly firstBad: number,
    readonly reason: string,
  ) {
    super(`entry ${firstBad}: ${reason}`);
    this.name = 'AuditChainRefused';
  }
}

export interface AuditPushContext {
  tokenId: number | null;
  pushedBy: string;
  now: string;
}

async function chainHead(tx: HubDb, workstationId: string): Promise<AuditChainHead> {
  const [last] = await tx
    .select({ seq: auditEntries.seq, hash: auditEntries.entryHash })
    .from(auditEntries)
    .where(eq(auditEntries.workstationId, workstationId))
    .orderBy(desc(auditEntries.seq))
    .limit(1);
  return last ?? { seq: 0, hash: null };
}

/** The chain's head as the hub holds it (continuing it takes the workstation's key, not its head). */
export function readChainHead(db: HubDb, workstationId: string): Promise<AuditChainHead> {
  return chainHead(db, workstationId);
}

/**
 * Stores the push's new entries, or throws AuditChainRefused (nothing stored) after recording the refusal, or
 * AuditChainForeign (nothing stored or recorded) for a push not signed by the key the log is kept under.
 */
export async function acceptAuditEntries(db: HubDb, push: AuditPushRequest, context: AuditPushContext): Promise<{ accepted: number; head: AuditChainHead }> {
  try {
    return await inTransaction(db, async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_CLASS}, hashtext(${push.workstationId}))`);
      await claimChain(tx, push, context.now);
      const head = await chainHead(tx, push.workstationId);
      const entries = push.entries.map(({ id, ...content }) => ({ seq: id, ...content }));
      const held = entries.filter((entry) => entry.seq <= head.seq);
      if (held.length > 0) {
        const seqs = held.map((entry) => entry.seq);
        const stored = await tx
          .select({ seq: auditEntries.seq, hash: auditEntries.entryHash })
          .from(auditEntries)
          .where(and(eq(auditEntries.workstationId, push.workstationId), between(auditEntries.seq, Math.min(...seqs), Math.max(...seqs))))
          .orderBy(asc(auditEntries.seq));
        const hashOf = new Map(stored.map((row) => [row.seq, row.hash]));
        const fork = held.find((entry) => hashOf.get(entry.seq) !== entry.hash);
        if (fork) throw new AuditChainRefused(fork.seq, `the hub holds another entry ${fork.seq} of this workstation's log: the chain was forked (the log was rewritten after entry ${fork.seq - 1} or earlier)`);
      }
      const fresh = entries.filter((entry) => entry.seq > head.seq);
      let previous = head;
      for (const entry of fresh) {
        const reason = chainBreak(previous, entry);
        if (reason !== null) throw new AuditChainRefused(entry.seq, previous === head && entry.seq > head.seq + 1 ? `${reason} (the hub holds entries up to ${head.seq})` : reason);
        previous = entry;
      }
      if (fresh.length > 0) {
        await tx.insert(auditEntries).values(
          fresh.map(({ seq, hash, ...content }) => ({ workstationId: push.workstationId, seq, ...content, entryHash: hash, tokenId: context.tokenId, receivedAt: context.now })),
        );
        await keepLateAuditedRegions(tx, fresh);
        await indexIntakeEntries(tx, push.workstationId, fresh);
      }
      return { accepted: fresh.length, head: { seq: previous.seq, hash: previous.hash } };
    });
  } catch (error) {
    if (error instanceof AuditChainRefused) {
      await db.insert(auditChainRefusals).values({ workstationId: push.workstationId, refusedAt: context.now, pushedBy: context.pushedBy, firstBad: error.firstBad, reason: error.reason });
    }
    throw error;
  }
}
