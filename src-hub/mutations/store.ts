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
import type { AnyMutation } from '../../shared/mutations/kinds';
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

export async function storeMutations(db: HubDb, pushed: readonly AnyMutation[], context: PushContext): Promise<PushAck[]> {
  if (pushed.length === 0) return [];
  try {
    return await storeInTransaction(db, pushed, context);
  } catch (error) {
    if (error instanceof KeptRefusal) await keepRefused(db, error, context);
    throw error;
  }
}

/**
 * A deactivated officer's change, or one signed with a revoked key, kept for supervisors after its push was rolled
 * back (`GET /v1/refused`).
 */
async function keepRefused(db: HubDb, refusal: KeptRefusal, context: PushContext): Promise<void> {
  const { mutation } = refusal;
  const row = { kind: mutation.kind, officer: mutation.officer, at: mutation.at, payload: mutation.payload, reason: refusal.reason, pushedBy: context.pushedBy, refusedAt: context.clock.now().toISOString() };
  await db.insert(refusedMutationsTable).values({ mutationId: mutation.id, ...row }).onConflictDoUpdate({ target: refusedMutationsTable.mutationId, set: row });
}

async function storeInTransaction(db: HubDb, pushed: readonly AnyMutation[], context: PushContext): Promise<PushAck[]> {
  return inTransaction(db, async (tx) => {
    const receivedAt = context.clock.now().toISOString();
    // First occurrence of each id in this push; later ones are duplicates of it.
    const firstById = new Map<string, { mutation: AnyMutation; index: number }>();
    pushed.forEach((mutation, index) => {
      if (!firstById.has(mutation.id)) firstById.set(mutation.id, { mutation, index });
    });

    for (const mutation of pushed) {
      const first = firstById.get(mutation.id)!.mutation;
      if (first !== mutation && !sameContent(first, mutation)) {
        throw new AppError('CONFLICT', `mutation ${mutation.id} appears twice in this push with different content`);
      }
    }

    const inserted = await tx
      .insert(mutationsTable)
      .values(
        [...firstById.values()].map(({ mutation }) => ({
          id: mutation.id,
          kind: mutation.kind,
          officer: mutation.officer,
          at: mutation.at,
          basis: mutation.basis === undefined ? null : BigInt(mutation.basis),
          payload: mutation.payload,
          tokenId: context.tokenId,
          sessionId: context.sessionId,
          proofKeyId: mutation.proof?.keyId ?? null,
          signature: mutation.proof?.signature ?? null,
          receivedAt,
        })),
      )
      .onConflictDoNothing({ target: mutationsTable.id })
      .returning({ id: mutationsTable.id });
    const newIds = new Set(inserted.map((row) => row.id));

    const earlier = new Map<string, string>();
    for (const { mutation } of firstById.values()) {
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
    await enforceAuthority(tx, freshFirsts, context.pusher);
    const fresh = freshFirsts.map(({ mutation }) => mutation);
    const items = await placeMutations(tx, fresh);
    const seqs = await appendToFeed(tx, items);
    const assigned = new Map<string, bigint>();
    items.forEach((item, index) => {
      if (item.type === 'mutation' && !item.reannounce) assigned.set(item.mutationId, seqs[index]!);
    });

    const acknowledged = new Set<string>();
    return pushed.map((mutation): PushAck => {
      const seq = assigned.get(mutation.id);
      const first = seq !== undefined && !acknowledged.has(mutation.id);
      acknowledged.add(mutation.id);
      if (first) return { id: mutation.id, seq: seq.toString(), duplicate: false };
      return { id: mutation.id, seq: seq?.toString() ?? earlier.get(mutation.id)!, duplicate: true };
    });
  });
}

function sameContent(a: AnyMutation, b: AnyMutation): boolean {
  return a.kind === b.kind && a.officer === b.officer && canonicalJson(a.payload) === canonicalJson(b.payload);
}
