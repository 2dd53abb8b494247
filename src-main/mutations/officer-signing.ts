/**
 * An officer's signing key on this workstation (Ed25519): made at sign-in, its public half registered with the
 * hub under the officer's session, its private half kept in the (encrypted) store, so that every change the
 * officer records here is signed in the same transaction and reaches the hub as theirs, also when it is pushed
 * later under someone else's session (see shared/mutations/proof.ts).
 */
import type Database from 'better-sqlite3';
import { createHash, createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { OfficerPublicKey } from '../../shared/hub/protocol';
import { canonicalJson, signedContent, type MutationProof, type SignedMutation } from '../../shared/mutations/proof';

export interface OfficerSigningKey {
  keyId: string;
  publicKey: OfficerPublicKey;
  /** PKCS #8, DER, base64url. */
  privateKey: string;
}

/** RFC 7638 thumbprint of an Ed25519 JWK: the key's id on both sides. */
export function keyIdOf(publicKey: OfficerPublicKey): string {
  return createHash('sha256')
    .update(canonicalJson({ crv: publicKey.crv, kty: publicKey.kty, x: publicKey.x }))
    .digest('base64url');
}

export function generateSigningKey(): OfficerSigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  const officerKey: OfficerPublicKey = { kty: 'OKP', crv: 'Ed25519', x: jwk.x! };
  return { keyId: keyIdOf(officerKey), publicKey: officerKey, privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64url') };
}

const privateKeys = new Map<string, KeyObject>();

/** The mutation with its officer's proof. */
export function signMutation<M extends SignedMutation>(mutation: M, key: Pick<OfficerSigningKey, 'keyId' | 'privateKey'>): M {
  let privateKey = privateKeys.get(key.keyId);
  if (!privateKey) {
    privateKey = createPrivateKey({ key: Buffer.from(key.privateKey, 'base64url'), format: 'der', type: 'pkcs8' });
    privateKeys.set(key.keyId, privateKey);
  }
  const proof: MutationProof = { keyId: key.keyId, signature: sign(null, Buffer.from(signedContent(mutation), 'utf8'), privateKey).toString('base64url') };
  return { ...mutation, proof };
}

type SigningKeyRow = Pick<OfficerSigningKey, 'keyId' | 'privateKey'>;

/** The key this officer signs with on this workstation, if they signed in here before. */
export function signingKeyOf(sqlite: Database.Database, officer: string): SigningKeyRow | undefined {
  return sqlite.prepare<[string], SigningKeyRow>('SELECT key_id AS keyId, private_key AS privateKey FROM officer_signing_keys WHERE officer = ?').get(officer);
}

/** Keeps an officer's key (registered with the hub) as the one their changes here are signed with from now on. */
export function keepSigningKey(sqlite: Database.Database, officer: string, key: OfficerSigningKey, at: string): void {
  sqlite
    .prepare('INSERT INTO officer_signing_keys (officer, key_id, private_key, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (officer) DO UPDATE SET key_id = excluded.key_id, private_key = excluded.private_key, created_at = excluded.created_at')
    .run(officer, key.keyId, key.privateKey, at);
}

/**
 * The ids of the officers' keys kept here, the `limit` made last: what a sign-in offers the hub, which answers the
 * one of whoever signs in (an officer whose key is older than those signs with a new one from then on).
 */
export function keptSigningKeyIds(sqlite: Database.Database, limit: number): string[] {
  return sqlite
    .prepare<[number], { keyId: string }>('SELECT key_id AS keyId FROM officer_signing_keys ORDER BY created_at DESC, key_id LIMIT ?')
    .all(limit)
    .map((row) => row.keyId);
}
