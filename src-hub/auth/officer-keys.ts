/**
 * Officers' signing keys: Ed25519 public keys, one per officer and workstation, registered by the officer under
 * their own session or credential. A mutation carrying a valid signature by an unrevoked key of the officer it
 * names is that officer's, whoever pushes it (see ../mutations/authority/proof.ts).
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { calculateJwkThumbprint } from 'jose';
import { AppError } from '../../shared/errors';
import { MAX_KEPT_KEY_IDS, type KeyEnrolment, type OfficerPublicKey } from '../../shared/hub/protocol';
import type { Clock } from '../../shared/platform/clock';
import type { HubDb } from '../db/database';
import { officerKeys, officers } from '../db/schema';
import { HttpError } from '../http/errors';

const RAW_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Checks a JWK an officer registers: an Ed25519 public key and nothing else (a private part is refused). */
export function checkPublicKey(value: unknown): OfficerPublicKey {
  const jwk = value as Partial<Record<string, unknown>> | null;
  if (jwk === null || typeof jwk !== 'object' || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string' || !RAW_KEY_PATTERN.test(jwk.x)) {
    throw new AppError('BAD_INPUT', 'publicKey must be an Ed25519 public key as a JWK: {"kty": "OKP", "crv": "Ed25519", "x": "<43 characters of base64url>"}');
  }
  if ('d' in jwk) throw new AppError('BAD_INPUT', 'publicKey holds a private key ("d"); send only the public part');
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
}

/** Registers an officer's public key; registering the same key again is a no-op, another officer's key a conflict. */
export async function registerOfficerKey(db: HubDb, clock: Clock, officerId: string, publicKey: OfficerPublicKey): Promise<string> {
  const keyId = await calculateJwkThumbprint(publicKey, 'sha256');
  await db.insert(officerKeys).values({ keyId, officerId, publicKey: publicKey.x, createdAt: clock.now().toISOString() }).onConflictDoNothing({ target: officerKeys.keyId });
  const [stored] = await db.select({ officerId: officerKeys.officerId, revokedAt: officerKeys.revokedAt }).from(officerKeys).where(eq(officerKeys.keyId, keyId));
  if (stored?.officerId !== officerId) throw new AppError('CONFLICT', 'this key is registered to another officer');
  // 410, not 403: the workstation then makes a new key at once (src-main/sync/officer-enrollment.ts).
  if (stored.revokedAt !== null) throw new HttpError(410, 'FORBIDDEN', 'this key has been revoked; make a new one');
  return keyId;
}

const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Checks a sign-in's `enrol` (shared/hub/protocol.ts, KeyEnrolment); undefined when there is none. */
export function checkKeyEnrolment(value: unknown): KeyEnrolment | undefined {
  if (value === undefined) return undefined;
  const enrol = value as Partial<Record<string, unknown>> | null;
  if (enrol === null || typeof enrol !== 'object') throw new AppError('BAD_INPUT', 'enrol must be {"publicKey": {…}, "keptKeyIds": [...]}');
  const kept = enrol.keptKeyIds;
  if (!Array.isArray(kept) || kept.length > MAX_KEPT_KEY_IDS || !kept.every((id) => typeof id === 'string' && KEY_ID_PATTERN.test(id))) {
    throw new AppError('BAD_INPUT', `enrol.keptKeyIds must be a list of at most ${MAX_KEPT_KEY_IDS} key ids (43 characters of base64url each)`);
  }
  return { publicKey: checkPublicKey(enrol.publicKey), keptKeyIds: kept as string[] };
}

/**
 * The key an officer just proven signs with on the workstation that asked: an unrevoked key of theirs that the
 * workstation already holds, else `publicKey`, registered now (a conflict when it is another officer's).
 */
export async function enrolOfficerKey(db: HubDb, clock: Clock, officerId: string, enrol: KeyEnrolment): Promise<string> {
  if (enrol.keptKeyIds.length > 0) {
    const [kept] = await db
      .select({ keyId: officerKeys.keyId })
      .from(officerKeys)
      .where(and(eq(officerKeys.officerId, officerId), isNull(officerKeys.revokedAt), inArray(officerKeys.keyId, enrol.keptKeyIds)))
      .orderBy(asc(officerKeys.keyId))
      .limit(1);
    if (kept) return kept.keyId;
  }
  return registerOfficerKey(db, clock, officerId, enrol.publicKey);
}

export interface OfficerKeyListing {
  keyId: string;
  createdAt: string;
  revokedAt: string | null;
}

/** An officer's keys, oldest first, so an administrator can tell the lost workstation's key by when it was made. */
export async function listOfficerKeys(db: HubDb, officerId: string): Promise<OfficerKeyListing[]> {
  await requireRegistered(db, officerId);
  return db
    .select({ keyId: officerKeys.keyId, createdAt: officerKeys.createdAt, revokedAt: officerKeys.revokedAt })
    .from(officerKeys)
    .where(eq(officerKeys.officerId, officerId))
    .orderBy(asc(officerKeys.createdAt), asc(officerKeys.keyId));
}

/**
 * Revokes one key of an officer, or all their keys (a lost or stolen workstation): changes signed with it are
 * refused from then on and kept for supervisors. Their next sign-in registers a new key. Returns the keys revoked
 * now (none when they were revoked already).
 */
export async function revokeOfficerKeys(db: HubDb, clock: Clock, officerId: string, keyId?: string): Promise<string[]> {
  await requireRegistered(db, officerId);
  if (keyId !== undefined) {
    const [key] = await db.select({ officerId: officerKeys.officerId }).from(officerKeys).where(eq(officerKeys.keyId, keyId));
    if (key?.officerId !== officerId) throw new AppError('NOT_FOUND', `officer "${officerId}" has no key ${keyId}; hub officer keys --officer ${officerId} lists theirs`);
  }
  const revoked = await db
    .update(officerKeys)
    .set({ revokedAt: clock.now().toISOString() })
    .where(and(eq(officerKeys.officerId, officerId), isNull(officerKeys.revokedAt), keyId === undefined ? undefined : eq(officerKeys.keyId, keyId)))
    .returning({ keyId: officerKeys.keyId });
  return revoked.map((key) => key.keyId);
}

async function requireRegistered(db: HubDb, officerId: string): Promise<void> {
  const [officer] = await db.select({ id: officers.id }).from(officers).where(eq(officers.id, officerId));
  if (!officer) throw new AppError('NOT_FOUND', `no officer with id "${officerId}" is registered`);
}

export interface OfficerKey {
  officerId: string;
  revoked: boolean;
  key: KeyObject;
}

/** An Ed25519 public key from its raw `x` (base64url); throws on one that is not a key. */
export function ed25519PublicKey(x: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

export async function findOfficerKey(db: HubDb, keyId: string): Promise<OfficerKey | null> {
  const [row] = await db.select().from(officerKeys).where(eq(officerKeys.keyId, keyId));
  if (!row) return null;
  return { officerId: row.officerId, revoked: row.revokedAt !== null, key: ed25519PublicKey(row.publicKey) };
}

export function verifySignature(key: KeyObject, content: string, signature: string): boolean {
  return verify(null, Buffer.from(content, 'utf8'), key, Buffer.from(signature, 'base64url'));
}
