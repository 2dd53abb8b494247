/**
 * Applies officers' mutations to the store, deterministically.
 *
 * CONFLICT POLICY. The hub's order (feed `seq`) decides; workstation clocks never do.
 * Every mutation is a set of register writes (./register-writes.ts); a register is one field of one entity:
 *   - report work status, report assignee, each case field (title, owner, team, status, close reason):
 *     last writer in the hub's order wins, per field;
 *   - a link decision: per (unordered) report pair, last writer wins (`undecided` takes it back);
 *   - case membership: per (case, report) pair, last writer wins between add and remove;
 *   - benign list: per (type, value), last writer wins between add and remove;
 *   - notes: append-only events, inserted once by their id (a second creation with that id is ignored);
 *   - case.create: create-once by case id (the first creation in the hub's order holds it).
 * `field_versions` keeps, per register, the hub seq of the write that holds it. A write from the hub applies
 * only when its seq beats that version (higher for last-writer, lower for create-once), so applying the same
 * set of mutations in any order, any number of times, gives the same registers.
 *
 * PENDING CHANGES. The officer's own unacknowledged mutations (outbox, `pending`) are shown optimistically on
 * top of hub state, in the order they were made (Replicache-style rebase): whenever a register changes, the
 * live tables show the last pending write to it, else the hub's winner. Before a register's first pending
 * write its live value is kept as version 0 (`base`), so a change the hub refuses can be rolled back.
 * Once acknowledged, an own mutation is applied like any other with its hub seq.
 *
 * OVERRIDES. When a mutation from another workstation wins a register that holds this workstation's
 * acknowledged write, and it was made without seeing it, a notice is kept in `sync_conflicts` ("your change
 * was overridden"). Every mutation carries its `basis`, how far its workstation had pulled the feed when it
 * was made, so "without seeing it" is exact: the other's basis is before our change's place in the feed.
 * Mutations of workstations that predate `basis` are judged by time instead: the other change was made (its
 * `at`) before the hub had acknowledged ours to us. A register that still holds a pending change of ours gets
 * no notice: that change will be ordered after, and win.
 */
import type Database from 'better-sqlite3';
import type { AnyMutation } from '../../shared/mutations/kinds';
import type { Clock } from '../../shared/platform/clock';
import { SYNC_ACTOR } from '../audit/actor';
import { createAuditAppender } from '../audit/audit-log';
import { auditFactsOf } from './audit-subject';
import { recordConflictNotice } from './conflict-notices';
import { createFieldVersions } from './field-versions';
import { createEntityAdapters } from './materialize';
import { createOutbox, type OutboxEntry } from './outbox';
import { PendingOverlay, resolveFields } from './pending-overlay';
import { registerWrites } from './register-writes';
import { createRequestListings } from './request-listings';
import { entityKey, policyOf, sameJson, splitEntityKey, type RegisterState, type RegisterWrite, type SyncedEntity } from './registers';

export type HubApplyOutcome = 'applied' | 'duplicate';

export interface ApplierDeps {
  clock: Clock;
}

/** Does a write at hub position `seq` take the register from what holds it now? */
function winsOver(field: string, seq: number, held: RegisterState | undefined): boolean {
  if (held === undefined || held.origin !== 'hub') return true;
  return policyOf(field) === 'first-writer' ? seq < held.seq : seq > held.seq;
}

/** Had their workstation not yet pulled our change when theirs was made? (see OVERRIDES above) */
function madeWithoutSeeing(theirs: { at: string; basis: string | null }, mine: OutboxEntry): boolean {
  if (theirs.basis !== null && mine.hubSeq !== null) return BigInt(theirs.basis) < BigInt(mine.hubSeq);
  const hubHadMineBy = Date.parse(mine.ackedAt ?? mine.mutation.at);
  return Date.parse(theirs.at) < hubHadMineBy;
}

export function createMutationApplier(sqlite: Database.Database, deps: ApplierDeps) {
  const versions = createFieldVersions(sqlite);
  const outbox = createOutbox(sqlite);
  const adapters = createEntityAdapters(sqlite);
  const listings = createRequestListings(sqlite);
  const audit = createAuditAppender(sqlite);
  const isApplied = sqlite.prepare<[string], number>('SELECT 1 FROM sync_applied WHERE mutation_id = ?').pluck();
  const markApplied = sqlite.prepare<[string, number, string, string, string, string | null]>(
    'INSERT INTO sync_applied (mutation_id, seq, kind, officer, applied_at, basis) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const basisOf = sqlite.prepare<[string], string | null>('SELECT basis FROM sync_applied WHERE mutation_id = ?').pluck();

  /** Within a batch the overlay is built once and kept current by the applier's own outbox changes. */
  let batchOverlay: PendingOverlay | null = null;
  const overlay = () => batchOverlay ?? new PendingOverlay(outbox.pending());
  const outboxChanged = () => {
    if (batchOverlay) batchOverlay = new PendingOverlay(outbox.pending());
  };

  function materialize(keys: Iterable<string>, pending: PendingOverlay): void {
    for (const key of keys) {
      const { entity, entityId } = splitEntityKey(key);
      adapters[entity].write(entityId, resolveFields(versions.ofEntity(entity, entityId), pending.fieldsOf(entity, entityId)));
    }
  }

  /** Records "your change was overridden" when `winner` (another workstation's) beat `mine` without having seen it. */
  function noticeIfOverridden(register: RegisterWrite, mine: { mutationId: string | null; value: RegisterState['value'] }, winner: RegisterState, pending: PendingOverlay, now: string): void {
    if (mine.mutationId === null || winner.mutationId === null || winner.at === null || winner.officer === null) return;
    if (policyOf(register.field) === 'first-writer' || pending.has(register.entity, register.entityId, register.field)) return;
    if (sameJson(mine.value, winner.value) || outbox.find(winner.mutationId)) return;
    const own = outbox.find(mine.mutationId);
    if (own?.state !== 'acked' || !madeWithoutSeeing({ at: winner.at, basis: basisOf.get(winner.mutationId) ?? null }, own)) return;
    recordConflictNotice(sqlite, {
      mutationId: own.mutation.id,
      entity: register.entity,
      entityId: register.entityId,
      field: register.field,
      myValue: mine.value,
      winningValue: winner.value,
      winningMutationId: winner.mutationId,
      winningOfficer: winner.officer,
      winningAt: winner.at,
      detectedAt: now,
    });
  }

  return {
    /**
     * Applies a mutation at its place in the hub's order: one from the feed, or an own one the hub acknowledged.
     * Applying it again (a page sent twice, an ack after the feed) changes nothing.
     */
    applyFromHub(mutation: AnyMutation, seq: number): HubApplyOutcome {
      if (isApplied.get(mutation.id) !== undefined) return 'duplicate';
      const now = deps.clock.now().toISOString();
      const own = outbox.find(mutation.id);
      if (own && own.state !== 'acked') {
        outbox.markAcked(mutation.id, seq, now);
        outboxChanged();
      }
      markApplied.run(mutation.id, seq, mutation.kind, mutation.officer, now, mutation.basis ?? null);
      // Even a list that loses to a later one was shown somewhere, and texts may quote its reports.
      listings.remember(mutation);
      const pending = overlay();
      const touched = new Set<string>();
      for (const write of registerWrites(mutation)) {
        // An own mutation leaves the overlay now, so its entities are shown anew even where it lost.
        touched.add(entityKey(write.entity, write.entityId));
        const held = versions.get(write.entity, write.entityId, write.field);
        const incoming: RegisterState = { value: write.value, origin: 'hub', seq, mutationId: mutation.id, officer: mutation.officer, at: mutation.at };
        if (!winsOver(write.field, seq, held)) {
          if (own && held) noticeIfOverridden(write, incoming, held, pending, now);
          continue;
        }
        if (!own && held?.origin === 'hub') noticeIfOverridden(write, held, incoming, pending, now);
        versions.put(write.entity, write.entityId, write.field, incoming);
      }
      materialize(touched, pending);
      if (!own) {
        const facts = auditFactsOf(mutation);
        audit(now, { actor: mutation.officer, action: mutation.kind, subjectType: facts.subjectType, subjectId: facts.subjectId, details: { ...facts.details, seq, madeAt: mutation.at, via: 'hub' } });
      }
      return 'applied';
    },

    /** Shows an own mutation that was just added to the outbox, on top of hub state. */
    applyPending(mutation: AnyMutation): void {
      const touched = new Set<string>();
      listings.remember(mutation);
      for (const write of registerWrites(mutation)) {
        if (versions.get(write.entity, write.entityId, write.field) === undefined) {
          const live = adapters[write.entity].read(write.entityId, write.field);
          versions.put(write.entity, write.entityId, write.field, { ...live, seq: 0, mutationId: null });
        }
        touched.add(entityKey(write.entity, write.entityId));
      }
      if (batchOverlay) batchOverlay.add(mutation);
      materialize(touched, overlay());
    },

    /** The hub refused an own pending mutation for good: stop showing it. */
    rollBack(mutation: AnyMutation, reason: string): void {
      outbox.markRejected(mutation.id, reason);
      outboxChanged();
      materialize(new Set(registerWrites(mutation).map((write) => entityKey(write.entity, write.entityId))), overlay());
    },

    /**
     * The hub refused an own pending mutation because a report it names was removed under the retention period: it
     * leaves the outbox (its content may quote that report) and stops being shown; the audit log says which change
     * went and why, without its content. The hub keeps the refusal for supervisors.
     */
    dropRefused(mutation: AnyMutation, reason: string): void {
      outbox.drop(mutation.id);
      outboxChanged();
      audit(deps.clock.now().toISOString(), { actor: SYNC_ACTOR, action: 'sync.dropped', subjectType: 'mutation', subjectId: mutation.id, details: { kind: mutation.kind, officer: mutation.officer, madeAt: mutation.at, reason } });
      materialize(new Set(registerWrites(mutation).map((write) => entityKey(write.entity, write.entityId))), overlay());
    },

    /** Shows the registers of an entity that just arrived (a report from the feed after changes to it). */
    refreshEntity(entity: SyncedEntity, entityId: string): void {
      materialize([entityKey(entity, entityId)], overlay());
    },

    /** Runs `work` with the pending overlay built once (call inside a transaction, e.g. per feed page). */
    batch<T>(work: () => T): T {
      if (batchOverlay) return work();
      batchOverlay = new PendingOverlay(outbox.pending());
      try {
        return work();
      } finally {
        batchOverlay = null;
      }
    },

    outbox,
  };
}

export type MutationApplier = ReturnType<typeof createMutationApplier>;
