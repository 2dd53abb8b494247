import type Database from 'better-sqlite3';
import type { AnyMutation } from '../../shared/mutations/kinds';
import type { MutationProof, SignedMutation } from '../../shared/mutations/proof';
import { upcastMutation } from '../../shared/mutations/upcast';

export type OutboxState = 'pending' | 'acked' | 'rejected';

/**
 * An own change as it was recorded and signed (`signed`: pushed so, because the signature covers it; an outbox
 * may hold changes recorded by an older version) and in this version's words (`mutation`: what is applied).
 */
export interface OutboxChange {
  mutation: AnyMutation;
  signed: SignedMutation;
}

export interface OutboxEntry extends OutboxChange {
  state: OutboxState;
  hubSeq: number | null;
  ackedAt: string | null;
  attempts: number;
  lastError: string | null;
}

interface OutboxRow {
  mutation_id: string;
  created_at: string;
  officer: string;
  kind: string;
  payload: string;
  basis: string | null;
  proof: string | null;
  state: OutboxState;
  hub_seq: number | null;
  acked_at: string | null;
  attempts: number;
  last_error: string | null;
}

const COLUMNS = 'mutation_id, created_at, officer, kind, payload, basis, proof, state, hub_seq, acked_at, attempts, last_error';

function toChange(row: OutboxRow): OutboxChange {
  const signed: SignedMutation = {
    id: row.mutation_id,
    kind: row.kind,
    officer: row.officer,
    at: row.created_at,
    ...(row.basis === null ? {} : { basis: row.basis }),
    payload: JSON.parse(row.payload) as unknown,
    ...(row.proof === null ? {} : { proof: JSON.parse(row.proof) as MutationProof }),
  };
  return { mutation: upcastMutation(signed), signed };
}

function toEntry(row: OutboxRow): OutboxEntry {
  return { ...toChange(row), state: row.state, hubSeq: row.hub_seq, ackedAt: row.acked_at, attempts: row.attempts, lastError: row.last_error };
}

/** This workstation's own mutations: pending until the hub acknowledged them, then kept as acked. */
export function createOutbox(sqlite: Database.Database) {
  const insert = sqlite.prepare<[string, string, string, string, string, string | null, string | null]>(
    `INSERT INTO outbox (mutation_id, created_at, officer, kind, payload, basis, proof, state, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', (SELECT coalesce(max(position), 0) + 1 FROM outbox))`,
  );
  const selectOne = sqlite.prepare<[string], OutboxRow>(`SELECT ${COLUMNS} FROM outbox WHERE mutation_id = ?`);
  const selectPending = sqlite.prepare<[number], OutboxRow>(
    `SELECT ${COLUMNS} FROM outbox WHERE state = 'pending' ORDER BY position, created_at LIMIT ?`,
  );
  const countPending = sqlite.prepare<[], number>("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck();
  const ack = sqlite.prepare<[number, string, string]>(
    "UPDATE outbox SET state = 'acked', hub_seq = ?, acked_at = ?, last_error = NULL WHERE mutation_id = ? AND state != 'acked'",
  );
  const reject = sqlite.prepare<[string, string]>("UPDATE outbox SET state = 'rejected', last_error = ? WHERE mutation_id = ? AND state = 'pending'");
  const dropPending = sqlite.prepare<[string]>("DELETE FROM outbox WHERE mutation_id = ? AND state = 'pending'");
  const failAttempt = sqlite.prepare<[string, string]>(
    "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE mutation_id = ? AND state = 'pending'",
  );

  return {
    add(mutation: AnyMutation): void {
      insert.run(mutation.id, mutation.at, mutation.officer, mutation.kind, JSON.stringify(mutation.payload), mutation.basis ?? null, mutation.proof ? JSON.stringify(mutation.proof) : null);
    },
    find(mutationId: string): OutboxEntry | undefined {
      const row = selectOne.get(mutationId);
      return row && toEntry(row);
    },
    /** Pending mutations in the order the officer made them. */
    pending(limit = Number.MAX_SAFE_INTEGER): AnyMutation[] {
      return selectPending.all(limit).map((row) => toChange(row).mutation);
    },
    /** Pending changes in the order the officer made them, each also as signed (to push). */
    pendingChanges(limit: number): OutboxChange[] {
      return selectPending.all(limit).map(toChange);
    },
    countPending(): number {
      return countPending.get() ?? 0;
    },
    markAcked(mutationId: string, seq: number, at: string): void {
      ack.run(seq, at, mutationId);
    },
    markRejected(mutationId: string, reason: string): void {
      reject.run(reason, mutationId);
    },
    /** Removes a pending mutation whose content must not stay (it may quote a report that retention removed). */
    drop(mutationId: string): void {
      dropPending.run(mutationId);
    },
    noteFailedAttempt(mutationIds: readonly string[], error: string): void {
      for (const id of mutationIds) failAttempt.run(error, id);
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;

/** How many of this workstation's own changes are in `state`. */
export function countOutbox(sqlite: Database.Database, state: OutboxState): number {
  return sqlite.prepare<[OutboxState], number>('SELECT count(*) FROM outbox WHERE state = ?').pluck().get(state) ?? 0;
}

/** Whether any change was ever recorded on this workstation. */
export function outboxHoldsAny(sqlite: Database.Database): boolean {
  return sqlite.prepare('SELECT 1 FROM outbox LIMIT 1').get() !== undefined;
}

/** Pending changes by officers other than `officer` that carry no signature of their own. */
export function countUnsignedPendingOfOthers(sqlite: Database.Database, officer: string): number {
  return sqlite.prepare<[string], number>("SELECT count(*) FROM outbox WHERE state = 'pending' AND officer <> ? AND proof IS NULL").pluck().get(officer) ?? 0;
}
