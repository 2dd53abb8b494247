// A workstation's audit log as the hub receives it: entries chained by the store's own writer, pushes signed with the
// workstation's audit key (as push-audit.ts sends them).
import { createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditPushContent, type ChainEntry } from '../../shared/audit/chain';
import type { AuditPushRequest } from '../../shared/hub/protocol';
import { systemClock } from '../../shared/platform/clock';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { createAuditAppender, type AuditEntry } from '../../src-main/audit/audit-log';
import { chainEntriesAfter } from '../../src-main/audit/chain-entries';

export type LoggedEntry = AuditEntry & { at: string };

/** These entries written into a fresh store's log by its own writer, and read back as its chain. */
export function chainOf(entries: readonly LoggedEntry[]): ChainEntry[] {
  const dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-audit-chain-'));
  const store = openCaseStore({ path: join(dir, 'store.db'), clock: systemClock });
  const append = createAuditAppender(store.sqlite);
  for (const { at, ...entry } of entries) append(at, entry);
  const chain = chainEntriesAfter(store.sqlite, 0, entries.length);
  store.close();
  rmSync(dir, { recursive: true, force: true });
  return chain;
}

/** Each workstation's audit key (as its store makes one), by workstation id: only it continues its log on the hub. */
const keys = new Map<string, KeyObject>();
export const auditKeyOf = (workstationId: string) => keys.get(workstationId) ?? keys.set(workstationId, generateKeyPairSync('ed25519').privateKey).get(workstationId)!;

/** A push signed by `key` (by default the workstation's own). */
export function signedPush(workstationId: string, entries: readonly ChainEntry[], key: KeyObject = auditKeyOf(workstationId)): AuditPushRequest {
  const publicKey = (createPublicKey(key).export({ format: 'jwk' }) as { x: string }).x;
  return { workstationId, entries: [...entries], proof: { publicKey, signature: sign(null, Buffer.from(auditPushContent(workstationId, entries)), key).toString('base64url') } };
}
