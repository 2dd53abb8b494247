import { createHash } from 'node:crypto';
import { canonicalContent, type ChainedContent } from '../../shared/audit/chain';

/** SHA-256 over the previous entry's hash (hex; null for the first) and the entry's canonical content, as hex. */
export function chainHash(previousHex: string | null, content: ChainedContent): string {
  const hash = createHash('sha256');
  if (previousHex !== null) hash.update(Buffer.from(previousHex, 'hex'));
  return hash.update(canonicalContent(content)).digest('hex');
}

/**
 * Why `entry` does not continue the chain after `previous` (null: it does). The same walk judges a push and
 * `hub audit verify`.
 */
export function chainBreak(previous: { seq: number; hash: string | null }, entry: ChainedContent & { seq: number; hash: string }): string | null {
  if (entry.seq > previous.seq + 1) return previous.seq === 0 ? `the chain starts at entry ${entry.seq}: entries 1–${entry.seq - 1} are missing` : `entries ${previous.seq + 1}–${entry.seq - 1} are missing`;
  if (entry.seq !== previous.seq + 1) return `entry ${entry.seq} comes after entry ${previous.seq}: the entries are out of order`;
  if (entry.hash !== chainHash(previous.hash, entry)) return 'the entry does not match its hash: it was changed, added or moved, or an entry before it was';
  return null;
}
