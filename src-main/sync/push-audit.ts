import { AUDIT_PUSH_MAX_ENTRIES, type AuditChainHead } from '../../shared/hub/protocol';
import { chainEntriesAfter, createAuditSigner, entryHashOf, workstationId } from '../audit/chain-entries';
import type { CaseStore } from '../db/open-store';
import type { HubClient } from './hub-client';
import { HubRefusedError } from './hub-errors';

/**
 * Sends this store's audit log to the hub, which keeps every workstation's chain and accepts only its continuation.
 * Where the hub's copy ends is asked once (and again after a refusal); a hub copy that does not match this log —
 * longer than it, or another entry at its end — is this log having been rewritten or cut, and is never pushed over:
 * the refusal stays in the sync state's error, and the hub lists it for supervisors.
 */
export function createAuditPusher(store: CaseStore, deps: { client: HubClient; batchSize?: number }) {
  const { sqlite } = store;
  const batchSize = Math.min(deps.batchSize ?? AUDIT_PUSH_MAX_ENTRIES, AUDIT_PUSH_MAX_ENTRIES);
  let hubHead: AuditChainHead | null = null;
  const sign = createAuditSigner(sqlite);

  function checkHeadAgainstLog(head: AuditChainHead): void {
    if (head.seq === 0) return;
    const local = entryHashOf(sqlite, head.seq);
    if (local === null) throw new HubRefusedError(409, 'CONFLICT', `the hub holds ${head.seq} entries of this workstation's audit log, more than it has: the log was cut short or replaced`);
    if (local !== head.hash) throw new HubRefusedError(409, 'CONFLICT', `entry ${head.seq} of this workstation's audit log is not the one the hub holds: the log was rewritten`);
  }

  return {
    /** Pushes every entry the hub lacks; answers how many were accepted. */
    async pushAll(cancel?: AbortSignal): Promise<number> {
      const id = workstationId(sqlite);
      let accepted = 0;
      try {
        if (hubHead === null) {
          const head = await deps.client.auditHead(id, cancel);
          checkHeadAgainstLog(head);
          hubHead = head;
        }
        for (;;) {
          const entries = chainEntriesAfter(sqlite, hubHead.seq, batchSize);
          if (entries.length === 0) return accepted;
          const answer = await deps.client.pushAudit({ workstationId: id, entries, proof: sign(id, entries) }, cancel);
          accepted += answer.accepted;
          hubHead = answer.head;
        }
      } catch (error) {
        if (error instanceof HubRefusedError) hubHead = null;
        throw error;
      }
    },
  };
}
