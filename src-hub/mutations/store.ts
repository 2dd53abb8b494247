/**
 * Stores pushed mutations and puts them in the feed. The hub does not apply them (workstations replay the
 * feed in hub order); it keeps each one with the officer it names and the token that pushed it, and first
 * judges each new one against what that officer may do (./authority).
 * A mutation's id is its identity: a retried push finds it stored and is acknowledged with the original
 * sequence number and `duplicate: true` (it was judged when it first came); the same id with other content is
 * a conflict, and then nothing of the push is written. Each one reaches the scopes of the reports it is about
 * (./reach).
 */
import { sql } from 'drizzle-orm';
import type { PushAck } from '../../shared/hub/protocol';
import { AppError } from '../../shared/errors';
import type { ValidMutation } from '../../shared/mutations/schema';
import type { SignedMutation } from '../../shared/mutations/proof';
import type { Clock } from '../../shared/platform/clock';
import { inTransaction, queryRows, type HubDb } from '../db/database';
import { mutations as mutationsTable, refusedMutations as refusedMutationsTable } from '../db/schema';
import { appendToFeed } from '../feed/append';
import { canonicalJson } from '../../shared/mutations/proof';
import { enforceAuthority } from './authority/enforce';
import { placeMutations } from './reach/announce';
import type { Pusher } from './authority/proof';
import { KeptRefusal } from './authority/refusal';

export interface PushContext {
  clock: Clock;
  /** The workstation token that pushed (null for an officer's session). */
  tokenId: number | null;
  /** The officer's session that pushed (null for a token). */
  sessionId: number | null;
  /** The officer whose session or credential pushed, if any (see ./authority/proof.ts). */
  pusher: Pusher;
  /** The token's name or the session's officer, kept with a refused change. */
  pushedBy: string;
}

interface StoredMutation {
  id: string;
  seq: string | null;
  same: boolean;
}

/**
 * `pushed` as validated: each mutation is stored as its officer signed it (an older version's words stay, see
 * shared/mutations/upcast.ts) and judged in this version's words.
 */
export async function storeMutations(db: HubDb, pushed: readonly ValidMutation[], context: PushContext): Promise<PushAck[]> {
  if (pushed.length === 0) return [];
  try {
    return await storeInTransaction(db, pushed, context);
  } catch (error) {
    if (error instanceof KeptRefusal) await keepRefused(db, error, context);
    throw error;
  }
}

/**
 * A deactivated officer's change, one signed with a revoked key, or one about a purged report (without its payload),
 * kept for supervisors after its push was rolled back (`GET /v1/refused`).
 */
async function keepRefused(db: HubDb, refusal: KeptRefusal, context: PushContext): Promise<void> {
  const mutation = refusal.signed;
  const row = { kind: mutation.kind, officer: mutation.officer, at: mutation.at, payload: refusal.keptPayload, reason: refusal.reason, pushedBy: context.pushedBy, refusedAt: context.clock.now().toISOString() };
  await db.insert(refusedMutationsTable).values({ mutationId: mutation.id, ...row }).onConflictDoUpdate({ target: refusedMutationsTable.mutationId, set: row });
}

async function storeInTransaction(db: HubDb, pushed: readonly ValidMutation[], context: PushContext): Promise<PushAck[]> {
  return inTransaction(db, async (tx) => {
    const arrivedAt = context.clock.now();
    const receivedAt = arrivedAt.toISOString();
    // First occurrence of each id in this push; later ones are duplicates of it.
    const firstById = new Map<string, ValidMutation & { index: number }>();
    pushed.forEach((valid, index) => {
      if (!firstById.has(valid.mutation.id)) firstById.set(valid.mutation.id, { ...valid, index });
    });

    for (const { signed } of pushed) {
      const first = firstById.get(signed.id)!.signed;
      if (first !== signed && !sameContent(first, signed)) {
        throw new AppError('CONFLICT', `mutation ${signed.id} appears twice in this push with different content`);
      }
    }

    const inserted = await tx
      .insert(mutationsTable)
      .values(
        [...firstById.values()].map(({ signed }) => ({
          id: signed.id,
          kind: signed.kind,
          officer: signed.officer,
          at: signed.at,
          basis: signed.basis === undefined ? null : BigInt(signed.basis),
          payload: signed.payload,
          tokenId: context.tokenId,
          sessionId: context.sessionId,
          proofKeyId: signed.proof?.keyId ?? null,
          signature: signed.proof?.signature ?? null,
          receivedAt,
        })),
      )
      .onConflictDoNothing({ target: mutationsTable.id })
      .returning({ id: mutationsTable.id });
    const newIds = new Set(inserted.map((row) => row.id));

    const earlier = new Map<string, string>();
    for (const { signed: mutation } of firstById.values()) {
      if (newIds.has(mutation.id)) continue;
      const [stored] = await queryRows<StoredMutation>(
        tx,
        sql`SELECT m.id::text AS id, f.seq::text AS seq,
              (m.kind = ${mutation.kind} AND m.officer = ${mutation.officer} AND m.payload = ${JSON.stringify(mutation.payload)}::jsonb) AS same
            FROM mutations m LEFT JOIN feed f ON f.mutation_id = m.id AND NOT f.reannounce
            WHERE m.id = ${mutation.id}::uuid`,
      );
      if (!stored?.seq) throw new Error(`mutation ${mutation.id} is stored without a feed entry`);
      if (!stored.same) throw new AppError('CONFLICT', `mutation ${mutation.id} was pushed before with different content`);
      earlier.set(mutation.id, stored.seq);
    }

    const freshFirsts = [...firstById.values()].filter(({ mutation }) => newIds.has(mutation.id));
    // Judged after the rows exist (the authority's state refers to them); a refusal rolls all of it back.
    await enforceAuthority(tx, freshFirsts, context.pusher, arrivedAt);
    const fresh = freshFirsts.map(({ mutation }) => mutation);
    const items = await placeMutations(tx, fresh);
    const seqs = await appendToFeed(tx, items);
    const assigned = new Map<string, bigint>();
    items.forEach((item, index) => {
      if (item.type === 'mutation' && !item.reannounce) assigned.set(item.mutationId, seqs[index]!);
    });

    const acknowledged = new Set<string>();
    return pushed.map(({ mutation }): PushAck => {
      const seq = assigned.get(mutation.id);
      const first = seq !== undefined && !acknowledged.has(mutation.id);
      acknowledged.add(mutation.id);
      if (first) return { id: mutation.id, seq: seq.toString(), duplicate: false };
      return { id: mutation.id, seq: seq?.toString() ?? earlier.get(mutation.id)!, duplicate: true };
    });
  });
}

function sameContent(a: SignedMutation, b: SignedMutation): boolean {
  return a.kind === b.kind && a.officer === b.officer && canonicalJson(a.payload) === canonicalJson(b.payload);
}
