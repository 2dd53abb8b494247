import type { PushAck } from '../../shared/hub/protocol';
import type { AnyMutation } from '../../shared/mutations/kinds';
import type { CaseStore } from '../db/open-store';
import type { MutationApplier } from '../mutations/applier';
import type { OutboxChange } from '../mutations/outbox';
import type { HubClient } from './hub-client';
import { HubRefusedError } from './hub-errors';
import { writeTransaction } from '../db/write-transaction';

export interface PushOutcome {
  pushed: number;
  /** Mutations the hub refused for good (rolled back locally). */
  rejected: number;
}

export const DEFAULT_PUSH_BATCH = 100;

/** The hub's answer to a change naming a report that retention removed there (src-hub/mutations/authority/purged-reports.ts). */
const PURGED_REPORT = 410;

/**
 * Refusals that concern what was pushed (not who pushed it): a smaller push finds the culprit. A 403 is one only
 * when the hub names the mutation an officer may not make; a 403 about the token stops the push as before.
 */
const refusesContent = (error: HubRefusedError) =>
  error.status === 400 || error.status === 409 || error.status === 413 || ((error.status === 403 || error.status === PURGED_REPORT) && error.refused !== null);

/**
 * How many to push next after a refusal of a batch: the mutations before a named culprit would have been
 * accepted, so they go alone; then the culprit goes alone and is rolled back. Without a name, one at a time.
 */
function nextSizeAfterRefusal(error: HubRefusedError, batch: readonly OutboxChange[]): number {
  if (error.status === 413) return Math.ceil(batch.length / 2);
  const index = error.refused !== null && batch[error.refused.index]?.mutation.id === error.refused.id ? error.refused.index : 0;
  return Math.max(index, 1);
}

/**
 * Sends pending outbox mutations to the hub in batches, oldest first. A mutation is marked acknowledged
 * (and applied at its hub position) only after the hub answered; a push retried after a lost answer is
 * safe because the hub knows mutations by id.
 */
export function createOutboxPusher(store: CaseStore, deps: { client: HubClient; applier: MutationApplier; batchSize?: number }) {
  const { sqlite } = store;
  const { applier } = deps;
  const batchSize = deps.batchSize ?? DEFAULT_PUSH_BATCH;

  const settle = writeTransaction(sqlite, (batch: readonly OutboxChange[], acks: readonly PushAck[]) =>
    applier.batch(() => batch.forEach(({ mutation }, index) => applier.applyFromHub(mutation, Number(acks[index]!.seq)))),
  );
  const refuse = writeTransaction(sqlite, (mutation: AnyMutation, error: HubRefusedError) =>
    error.status === PURGED_REPORT ? applier.dropRefused(mutation, error.message) : applier.rollBack(mutation, error.message),
  );
  const noteFailure = writeTransaction(sqlite, (batch: readonly OutboxChange[], reason: string) =>
    applier.outbox.noteFailedAttempt(
      batch.map(({ mutation }) => mutation.id),
      reason,
    ),
  );

  return {
    async pushAll(cancel?: AbortSignal): Promise<PushOutcome> {
      const outcome: PushOutcome = { pushed: 0, rejected: 0 };
      let size = batchSize;
      for (;;) {
        const batch = applier.outbox.pendingChanges(size);
        if (batch.length === 0) return outcome;
        let acks: PushAck[];
        try {
          // As recorded and signed, in whatever version's words the officer's workstation used then.
          acks = await deps.client.push(
            batch.map(({ signed }) => signed),
            cancel,
          );
        } catch (error) {
          if (!(error instanceof HubRefusedError) || !refusesContent(error)) {
            if (error instanceof Error && error.name !== 'SyncCancelled') noteFailure(batch, error.message);
            throw error;
          }
          if (batch.length > 1) {
            size = nextSizeAfterRefusal(error, batch);
            continue;
          }
          refuse(batch[0]!.mutation, error);
          outcome.rejected += 1;
          size = batchSize;
          continue;
        }
        settle(batch, acks);
        outcome.pushed += batch.length;
      }
    },
  };
}
