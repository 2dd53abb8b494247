import type { ChainEntry } from '../../shared/audit/chain';
import { AUDIT_PUSH_MAX_ENTRIES, HUB_BODY_LIMITS, type AuditChainHead } from '../../shared/hub/protocol';
import { chainEntriesAfter, createAuditSigner, entryHashOf, workstationId } from '../audit/chain-entries';
import type { CaseStore } from '../db/open-store';
import type { HubClient } from './hub-client';
import { HubRefusedError } from './hub-errors';

/**
 * The entries' bytes one push carries at most: half the hub's body limit, room for the request's own JSON. An intake
 * batch entry lists up to 500 reports (~13 KB; audit/intake-entries.ts): 500 of them would not fit one request.
 */
const PUSH_MAX_BYTES = HUB_BODY_LIMITS.mutationsBytes / 2;

/** The first of `entries` that fit one push together (the first always: alone, one is within the hub's limit). */
function withinPushBytes(entries: ChainEntry[]): ChainEntry[] {
  let bytes = 0;
  const fitting = entries.findIndex((entry, index) => (bytes += Buffer.byteLength(JSON.stringify(entry))) > PUSH_MAX_BYTES && index > 0);
  return fitting === -1 ? entries : entries.slice(0, fitting);
}

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
          const entries = withinPushBytes(chainEntriesAfter(sqlite, hubHead.seq, batchSize));
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
