/**
 * The audit log's chain as the workstation and the hub both read it: each entry's hash is SHA-256 over the previous
 * entry's hash (nothing for the first) and the entry's canonical content — the content exactly as stored, details as
 * their stored JSON text, in a JSON array of fixed order. Hashing is left to each side (node:crypto).
 */

/** An entry's content exactly as stored (details as its stored JSON text). */
export interface ChainedContent {
  at: string;
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  details: string | null;
}

/** What an entry's hash covers after the previous hash. */
export function canonicalContent(content: ChainedContent): string {
  return JSON.stringify([content.at, content.actor, content.action, content.subjectType, content.subjectId, content.details]);
}

/** One entry as a workstation sends it to the hub: its place in the workstation's chain, its content, its hash. */
export interface ChainEntry extends ChainedContent {
  /** 1, 2, 3, … in the workstation's log, without gaps. */
  id: number;
  /** SHA-256, lower-case hex. */
  hash: string;
}

/**
 * Proof that a push of audit entries comes from the workstation whose log it is: an Ed25519 signature by the key
 * that workstation made for its log (the hub binds a log to the key of its first push), over `auditPushContent`.
 */
export interface AuditPushProof {
  /** The workstation's public key: Ed25519 `x`, base64url (43 characters). */
  publicKey: string;
  /** Signature of auditPushContent(...), base64url (86 characters). */
  signature: string;
}

/** What a workstation's audit key signs for a push: its log's id and each entry's place and hash (the hashes cover the content). */
export function auditPushContent(workstationId: string, entries: ReadonlyArray<Pick<ChainEntry, 'id' | 'hash'>>): string {
  return `puzzelstuk-audit-push/1\n${workstationId}\n${entries.map((entry) => `${entry.id}:${entry.hash}`).join('\n')}`;
}
