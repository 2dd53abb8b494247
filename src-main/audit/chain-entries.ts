import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import type Database from 'better-sqlite3';
import { auditPushContent, type AuditPushProof, type ChainedContent, type ChainEntry } from '../../shared/audit/chain';
import { keepFirstMeta, readMeta } from '../db/store-meta';

const WORKSTATION_KEY = 'audit.workstation_id';
/** The private half of this store's audit key (Ed25519, PKCS #8 DER, base64url), kept in the (encrypted) store. */
const SIGNING_KEY = 'audit.signing_key';

/**
 * The id of this store's chain on the hub: a UUID made the first time it is asked for. A copy of the store shares
 * it, so two copies pushing on shows on the hub as a fork.
 */
export function workstationId(sqlite: Database.Database): string {
  return keepFirstMeta(sqlite, WORKSTATION_KEY, randomUUID());
}

/** This store's audit key: the kept one, or one made and kept now (only when the store has none yet). */
function auditKey(sqlite: Database.Database): { privateKey: KeyObject; publicKey: string } {
  const stored =
    readMeta(sqlite, SIGNING_KEY) ?? keepFirstMeta(sqlite, SIGNING_KEY, generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64url'));
  const privateKey = createPrivateKey({ key: Buffer.from(stored, 'base64url'), format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: createPublicKey(privateKey).export({ format: 'jwk' }).x! };
}

/**
 * Signs pushes of this store's entries with its audit key, read (or made) at the first push and kept. The hub binds
 * the log to the key of its first push, so no other workstation (whatever its token) can continue or fork it.
 */
export function createAuditSigner(sqlite: Database.Database) {
  let key: ReturnType<typeof auditKey> | null = null;
  return (id: string, entries: ReadonlyArray<Pick<ChainEntry, 'id' | 'hash'>>): AuditPushProof => {
    key ??= auditKey(sqlite);
    return { publicKey: key.publicKey, signature: sign(null, Buffer.from(auditPushContent(id, entries), 'utf8'), key.privateKey).toString('base64url') };
  };
}

interface Row extends ChainedContent {
  id: number;
  entryHash: Buffer | null;
}

/** Up to `limit` entries after `afterId`, as stored (details as their JSON text), for the hub; stops before an unchained one. */
export function chainEntriesAfter(sqlite: Database.Database, afterId: number, limit: number): ChainEntry[] {
  const rows = sqlite
    .prepare<[number, number], Row>(
      'SELECT id, at, actor, action, subject_type AS subjectType, subject_id AS subjectId, details, entry_hash AS entryHash FROM audit_log WHERE id > ? ORDER BY id LIMIT ?',
    )
    .all(afterId, limit);
  const entries: ChainEntry[] = [];
  for (const { entryHash, ...row } of rows) {
    if (entryHash === null) break;
    entries.push({ ...row, hash: entryHash.toString('hex') });
  }
  return entries;
}

/** The hash (hex) of entry `id`, or null when the log holds no such entry. */
export function entryHashOf(sqlite: Database.Database, id: number): string | null {
  const hash = sqlite.prepare<[number], Buffer | null>('SELECT entry_hash FROM audit_log WHERE id = ?').pluck().get(id);
  return hash ? hash.toString('hex') : null;
}
