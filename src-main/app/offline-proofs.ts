/**
 * What lets an officer who signed in here with the hub sign in again while the hub cannot be reached: per officer a
 * verifier of their credential (scrypt with a random salt of their own; never the credential), the hub that
 * accepted it (a proof counts only with that hub's address), when it was made, and their failed offline attempts.
 *
 * Kept as one secret (`offline-proofs`) of the platform's SecretStore, not in the case store: on the desktop that
 * is sealed by the OS keychain (Electron safeStorage), in browser mode and the CLI with AES-GCM under the store's
 * key (key-sealed-secrets.ts) — the same protection as the encrypted store, without a table and migration for a
 * handful of entries.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { Clock } from '../../shared/platform/clock';
import type { SecretStore } from './secrets';

/** scrypt's default cost (N = 2^14, r = 8): a credential is 258 random bits, so the cost only slows a stolen copy further. */
const VERIFIER_BYTES = 32;
const verifierOf = (credential: string, salt: Buffer) => scryptSync(credential, salt, VERIFIER_BYTES);

/** Failed offline attempts before an officer id is locked, and for how long. */
export const OFFLINE_FAILURE_LIMIT = 5;
export const OFFLINE_LOCK_MS = 15 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
export const DEFAULT_OFFLINE_MAX_AGE_MS = 14 * DAY_MS;
export const OFFLINE_MAX_DAYS_ENV = 'PUZZELSTUK_OFFLINE_SIGN_IN_DAYS';

/** How old a proof may be (OFFLINE_MAX_DAYS_ENV, whole days; 0 turns signing in without the hub off). */
export function offlineMaxAgeFromEnv(env: NodeJS.ProcessEnv): number {
  const text = env[OFFLINE_MAX_DAYS_ENV]?.trim();
  if (text === undefined || text === '') return DEFAULT_OFFLINE_MAX_AGE_MS;
  if (!/^\d{1,4}$/.test(text)) throw new AppError('BAD_INPUT', `${OFFLINE_MAX_DAYS_ENV} must be a whole number of days (0 to 9999), not "${text}".`);
  return Number(text) * DAY_MS;
}

interface CachedProof {
  hubUrl: string;
  salt: string;
  verifier: string;
  /** When the hub last accepted this credential here (ISO). */
  provenAt: string;
  /** Failed offline attempts since the last success, and until when the officer id is locked (ISO). */
  failures: number;
  lockedUntil: string | null;
}

type ProofFile = Record<string, CachedProof>;

export type OfflineCheck =
  | { ok: true }
  | { ok: false; reason: 'never-here' | 'wrong' | 'expired' | 'locked'; failures?: number; lockedUntil?: string; provenAt?: string };

export interface OfflineProofs {
  /** After the hub at `hubUrl` accepted `credential` as this officer's: (re)makes their proof with a fresh salt. */
  remember(officerId: string, hubUrl: string, credential: string): void;
  /**
   * Checks a credential against the proof made with the hub at `hubUrl`; counts failures and locks the officer id
   * after OFFLINE_FAILURE_LIMIT of them.
   */
  check(officerId: string, hubUrl: string, credential: string): OfflineCheck;
  /** Whether `credential` is the one this officer's proof was made of (nothing counted). */
  matches(officerId: string, credential: string): boolean;
  forget(officerId: string): void;
}

export function createOfflineProofs(deps: { secrets: SecretStore; clock: Clock; maxAgeMs: number }): OfflineProofs {
  const read = (): ProofFile => {
    const text = deps.secrets.get('offline-proofs');
    if (text === null) return {};
    try {
      return JSON.parse(text) as ProofFile;
    } catch {
      // A damaged entry proves nobody: every officer then needs the hub once more, which makes their proof again.
      return {};
    }
  };
  const write = (file: ProofFile) => deps.secrets.set('offline-proofs', Object.keys(file).length === 0 ? null : JSON.stringify(file));
  const proofOf = (file: ProofFile, officerId: string): CachedProof | undefined => (Object.hasOwn(file, officerId) ? file[officerId] : undefined);
  const verifies = (proof: CachedProof, credential: string) => timingSafeEqual(verifierOf(credential, Buffer.from(proof.salt, 'base64')), Buffer.from(proof.verifier, 'base64'));

  return {
    remember(officerId, hubUrl, credential) {
      const salt = randomBytes(16);
      const file = read();
      file[officerId] = { hubUrl, salt: salt.toString('base64'), verifier: verifierOf(credential, salt).toString('base64'), provenAt: deps.clock.now().toISOString(), failures: 0, lockedUntil: null };
      write(file);
    },

    check(officerId, hubUrl, credential) {
      const file = read();
      const proof = proofOf(file, officerId);
      // A proof made with another hub (the address was changed since) proves nothing to this one.
      if (!proof || proof.hubUrl !== hubUrl) return { ok: false, reason: 'never-here' };
      const now = deps.clock.now();
      if (proof.lockedUntil !== null && now < new Date(proof.lockedUntil)) return { ok: false, reason: 'locked', lockedUntil: proof.lockedUntil };
      if (!verifies(proof, credential)) {
        const failures = proof.failures + 1;
        if (failures < OFFLINE_FAILURE_LIMIT) {
          file[officerId] = { ...proof, failures };
          write(file);
          return { ok: false, reason: 'wrong', failures };
        }
        const lockedUntil = new Date(now.getTime() + OFFLINE_LOCK_MS).toISOString();
        file[officerId] = { ...proof, failures: 0, lockedUntil };
        write(file);
        return { ok: false, reason: 'locked', lockedUntil };
      }
      // Only the holder of the credential learns that the proof has expired.
      if (deps.maxAgeMs === 0 || now.getTime() - new Date(proof.provenAt).getTime() > deps.maxAgeMs) return { ok: false, reason: 'expired', provenAt: proof.provenAt };
      if (proof.failures > 0 || proof.lockedUntil !== null) {
        file[officerId] = { ...proof, failures: 0, lockedUntil: null };
        write(file);
      }
      return { ok: true };
    },

    matches(officerId, credential) {
      const proof = proofOf(read(), officerId);
      return proof !== undefined && verifies(proof, credential);
    },

    forget(officerId) {
      const file = read();
      if (!proofOf(file, officerId)) return;
      delete file[officerId];
      write(file);
    },
  };
}
