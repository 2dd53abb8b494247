/**
 * Enrolls an officer on this workstation: registers their signing key with the hub under their own session or
 * credential (`client`), and keeps it in the store, so that each change they record here from now on is signed as
 * theirs (src-main/mutations/officer-signing.ts). A key kept from an earlier sign-in is registered again (the hub
 * takes a known key as it is), so that changes signed with it while offline stay provable — unless the hub says
 * it was revoked: then a new key is made and registered.
 *
 * A police-account sign-in enrols in its session request instead (keyEnrolmentOffer, takeEnrolledKey): one round
 * trip fewer, while the officer waits for their queue.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { MAX_KEPT_KEY_IDS, type KeyEnrolment, type OfficerPublicKey } from '../../shared/hub/protocol';
import type { Clock } from '../../shared/platform/clock';
import type { CaseStore } from '../db/open-store';
import { generateSigningKey, keepSigningKey, keptSigningKeyIds, keyIdOf, signingKeyOf, type OfficerSigningKey } from '../mutations/officer-signing';
import type { HubClient } from './hub-client';
import { HubRefusedError, HubUnavailableError } from './hub-errors';

function keptKey(store: CaseStore, officerId: string): OfficerSigningKey | null {
  const kept = signingKeyOf(store.sqlite, officerId);
  if (!kept) return null;
  const jwk = createPublicKey(createPrivateKey({ key: Buffer.from(kept.privateKey, 'base64url'), format: 'der', type: 'pkcs8' })).export({ format: 'jwk' });
  const publicKey: OfficerPublicKey = { kty: 'OKP', crv: 'Ed25519', x: jwk.x! };
  return { keyId: keyIdOf(publicKey), publicKey, privateKey: kept.privateKey };
}

/** The hub's answer to a kept key that was revoked (`hub officer revoke-key`: a lost or stolen workstation). */
const KEY_REVOKED = 410;

export async function enrollOfficer(store: CaseStore, client: Pick<HubClient, 'registerKey'>, officerId: string, clock: Clock): Promise<string> {
  let key = keptKey(store, officerId) ?? generateSigningKey();
  let keyId: string;
  try {
    keyId = await client.registerKey(key.publicKey);
  } catch (error) {
    if (!(error instanceof HubRefusedError && error.status === KEY_REVOKED)) throw error;
    // Changes signed with the revoked key are refused and kept for a supervisor; from now on a new key signs.
    key = generateSigningKey();
    keyId = await client.registerKey(key.publicKey);
  }
  if (keyId !== key.keyId) throw new HubUnavailableError('the hub named the signing key differently than this workstation did');
  keepSigningKey(store.sqlite, officerId, key, clock.now().toISOString());
  return keyId;
}

/** What a sign-in sends with its session request: a new key, and the ids of the keys kept here (KeyEnrolment). */
export interface KeyEnrolmentOffer {
  enrol: KeyEnrolment;
  fresh: OfficerSigningKey;
}

export function keyEnrolmentOffer(store: CaseStore): KeyEnrolmentOffer {
  const fresh = generateSigningKey();
  return { fresh, enrol: { publicKey: fresh.publicKey, keptKeyIds: keptSigningKeyIds(store.sqlite, MAX_KEPT_KEY_IDS) } };
}

/**
 * The key the hub enrolled with the session (`keyId`) taken for the officer it named: the new key when the hub
 * registered it for them, or their key kept here when the hub confirmed it is theirs and unrevoked. Any other
 * answer (none, or a key this workstation does not keep for this officer — another officer's, say) is never
 * taken: the officer is enrolled the usual way, under their session (enrollOfficer).
 */
export async function takeEnrolledKey(
  store: CaseStore,
  client: Pick<HubClient, 'registerKey'>,
  officerId: string,
  offer: KeyEnrolmentOffer,
  keyId: string | undefined,
  clock: Clock,
): Promise<string> {
  if (keyId !== undefined && keyId === offer.fresh.keyId) {
    keepSigningKey(store.sqlite, officerId, offer.fresh, clock.now().toISOString());
    return keyId;
  }
  if (keyId !== undefined && keyId === signingKeyOf(store.sqlite, officerId)?.keyId) return keyId;
  return enrollOfficer(store, client, officerId, clock);
}
