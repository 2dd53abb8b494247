/**
 * The audit log's hash chain: each entry's hash is SHA-256 over the previous entry's hash and the entry's own
 * content as stored, so changing, removing, adding or reordering an entry breaks every hash from there on. The
 * chain proves the log unchanged to anyone who kept a later hash: the hub keeps each workstation's copy, and the
 * store keeps its head apart (`store_meta.audit_head`, by trigger) so a log cut short shows locally too. Someone
 * who holds the store's key can still rewrite the whole local log consistently; only a copy elsewhere shows that.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { canonicalContent, type ChainedContent } from '../../shared/audit/chain';
import { readMeta } from '../db/store-meta';
import { writeTransaction } from '../db/write-transaction';

const GENESIS = Buffer.alloc(0);

export function entryHash(previous: Buffer | null, content: ChainedContent): Buffer {
  return createHash('sha256')
    .update(previous ?? GENESIS)
    .update(canonicalContent(content))
    .digest();
}

/** The hash of the last entry: what the next one chains to (null for an empty log). */
export function chainHead(sqlite: Database.Database): Buffer | null {
  return sqlite.prepare<[], Buffer | null>('SELECT entry_hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() ?? null;
}

interface StoredEntry extends ChainedContent {
  id: number;
  entryHash: Buffer | null;
}

const SELECT_ENTRIES =
  'SELECT id, at, actor, action, subject_type AS subjectType, subject_id AS subjectId, details, entry_hash AS entryHash FROM audit_log ORDER BY id';

/**
 * Chains the entries of a store from before the chain, at its first opening since: only while no entry is chained
 * yet, so an entry slipped in later without a hash stays unchained and `verifyChain` names it. Answers how many.
 */
export function chainUnhashedEntries(sqlite: Database.Database): number {
  const chained = sqlite.prepare<[], number>('SELECT 1 FROM audit_log WHERE entry_hash IS NOT NULL LIMIT 1').pluck().get();
  if (chained !== undefined) return 0;
  const unhashed = sqlite.prepare<[], number>('SELECT count(*) FROM audit_log').pluck().get() ?? 0;
  if (unhashed === 0) return 0;
  const setHash = sqlite.prepare<[Buffer, number]>('UPDATE audit_log SET entry_hash = ? WHERE id = ?');
  writeTransaction(sqlite, () => {
    let previous: Buffer | null = null;
    for (const entry of sqlite.prepare<[], StoredEntry>(SELECT_ENTRIES).all()) {
      const hash: Buffer = entry.entryHash ?? entryHash(previous, entry);
      if (entry.entryHash === null) setHash.run(hash, entry.id);
      previous = hash;
    }
  })();
  return unhashed;
}

export type ChainVerdict = { entries: number; ok: true } | { entries: number; ok: false; firstBad: number; reason: string };

/** Walks the whole log in order; names the first entry that breaks the chain, and why. */
export function verifyChain(sqlite: Database.Database): ChainVerdict {
  let entries = 0;
  let previous: Buffer | null = null;
  let previousId = 0;
  for (const entry of sqlite.prepare<[], StoredEntry>(SELECT_ENTRIES).iterate()) {
    entries += 1;
    const bad = (reason: string): ChainVerdict => ({ entries: sqlite.prepare<[], number>('SELECT count(*) FROM audit_log').pluck().get() ?? entries, ok: false, firstBad: entry.id, reason });
    if (entry.id !== previousId + 1) {
      return bad(previousId === 0 ? `the log starts at entry ${entry.id}: the entries before it were removed` : `entries ${previousId + 1}–${entry.id - 1} were removed`);
    }
    if (entry.entryHash === null) return bad('the entry has no hash: it was added outside the chain');
    if (!entry.entryHash.equals(entryHash(previous, entry))) {
      return bad('the entry does not match its hash: it was changed, added or moved, or an entry before it was');
    }
    previous = entry.entryHash;
    previousId = entry.id;
  }
  const head = readMeta(sqlite, 'audit_head');
  if (head !== undefined) {
    const [headId, headHash] = head.split(':') as [string, string];
    if (Number(headId) > previousId) {
      return { entries, ok: false, firstBad: previousId + 1, reason: `the log was cut short: it ends at entry ${previousId}, but entry ${headId} was written` };
    }
    if (Number(headId) < previousId) {
      return { entries, ok: false, firstBad: Number(headId) + 1, reason: `entries after ${headId} were added outside the log's writer` };
    }
    if (Number(headId) === previousId && previous?.toString('hex') !== headHash) {
      return { entries, ok: false, firstBad: previousId, reason: 'the last entry is not the one that was written' };
    }
  }
  return { entries, ok: true };
}
