/**
 * What lets an officer who signed in here with the hub sign in again while the hub cannot be reached: per officer a
 * verifier of their credential (scrypt with a random salt of their own; never the credential), the hub that
 * accepted it (a proof counts only with that hub's address), when it was made, and their failed offline attempts.
 * An officer who signs in with their police account has no credential the workstation sees: their proof is of the
 * offline code they set or confirmed right after such a sign-in (`kind: 'code'`). One proof per officer — of the
 * way they last signed in with the hub here.
 *
 * Kept as one secret (`offline-proofs`) of the platform's SecretStore, not in the case store: on the desktop that
 * is sealed by the OS keychain (Electron safeStorage), in browser mode and the CLI with AES-GCM under the store's
 * key (key-sealed-secrets.ts) — the same protection as the encrypted store, without a table and migration for a
 * handful of entries.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { Clock } from '../../shared/platform/clock';
import { readJsonSecret, type SecretStore } from './secrets';

/**
 * scrypt's default cost (N = 2^14, r = 8) for a credential: it is 258 random bits, so the cost only slows a stolen
 * copy further. An offline code is chosen by a person (six digits may be all it has), so its verifier costs four
 * times as much (N = 2^16, 64 MiB, some 0.15 s per check): trying every six-digit code against a stolen copy of the
 * sealed secrets then takes about two days on one core instead of minutes. Guessing at the screen stops far sooner:
 * OFFLINE_FAILURE_LIMIT wrong ones lock the officer id.
 */
const VERIFIER_BYTES = 32;
const CREDENTIAL_COST = 14;
const CODE_COST = 16;
const verifierOf = (secret: string, salt: Buffer, cost: number) => scryptSync(secret, salt, VERIFIER_BYTES, { N: 2 ** cost, r: 8, p: 1, maxmem: 2 ** (cost + 11) });

/** What a proof was made of: the hub credential the officer signed in with, or the offline code they set. */
export type ProofKind = 'credential' | 'code';

/** Failed offline attempts before an officer id is locked, and for how long. */
export const OFFLINE_FAILURE_LIMIT = 5;
export const OFFLINE_LOCK_MS = 15 * 60_000;
/**
 * Failed offline attempts on this workstation, for any officer id, within STATION_WINDOW_MS before offline sign-in
 * is locked for everyone: without it a guesser at the screen tries a few codes for each officer id in turn, each
 * id staying under its own limit.
 */
export const STATION_FAILURE_LIMIT = 10;
export const STATION_WINDOW_MS = 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
export const DEFAULT_OFFLINE_MAX_AGE_MS = 14 * DAY_MS;
/**
 * A police-account sign-in asks to confirm the offline code once its proof is this share of its life old (12 of 14
 * days): an officer who has not typed it for that long is reminded of it before it lapses, and nobody else is asked.
 */
const CONFIRM_AFTER_SHARE = 6 / 7;
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
  /** When the hub last accepted this credential here, or vouched for the officer who set this code (ISO). */
  provenAt: string;
  /** Failed offline attempts since the last success, and until when the officer id is locked (ISO). */
  failures: number;
  lockedUntil: string | null;
  /** Absent in proofs made before offline codes existed: those are of a credential, at the default cost. */
  kind?: ProofKind;
  /** log2 of scrypt's N. */
  cost?: number;
  /** Wrong ones locked the officer id since the code was last set or confirmed: they may have forgotten it. */
  lockedOut?: boolean;
}

type ProofFile = Record<string, CachedProof>;

export type OfflineCheck =
  | { ok: true }
  | { ok: false; reason: 'never-here' | 'wrong' | 'expired' | 'locked' | 'station-locked'; failures?: number; lockedUntil?: string; provenAt?: string };

export interface OfflineProofs {
  /**
   * After the hub at `hubUrl` accepted `credential` as this officer's, or vouched for them (a police-account sign-in)
   * when they set their offline code: (re)makes their proof with a fresh salt.
   */
  remember(officerId: string, hubUrl: string, secret: string, kind?: ProofKind): void;
  /** What this officer's proof made with the hub at `hubUrl` is of; null when they have none for it. */
  kindOf(officerId: string, hubUrl: string): ProofKind | null;
  /**
   * What an officer the hub at `hubUrl` just vouched for (a police-account sign-in) is asked of their offline code:
   * to set one (they have none for this hub), to confirm it (its proof has expired or is in the last seventh of its
   * life, or wrong ones locked them out since they last typed it), or nothing.
   */
  codeAsked(officerId: string, hubUrl: string): 'set' | 'confirm' | null;
  /**
   * The hub vouched for this officer again (a police-account sign-in) and their code was not asked: their proof
   * counts from now, its code and failures as they were.
   */
  vouch(officerId: string, hubUrl: string): void;
  /**
   * Checks a credential or offline code against the proof made with the hub at `hubUrl`; counts failures and locks
   * the officer id after OFFLINE_FAILURE_LIMIT of them.
   */
  check(officerId: string, hubUrl: string, credential: string): OfflineCheck;
  /** Whether `secret` is the one this officer's proof was made of (nothing counted). */
  matches(officerId: string, secret: string): boolean;
  forget(officerId: string): void;
}

export function createOfflineProofs(deps: { secrets: SecretStore; clock: Clock; maxAgeMs: number }): OfflineProofs {
  // A damaged entry proves nobody: every officer then needs the hub once more, which makes their proof again.
  const read = (): ProofFile => (readJsonSecret(deps.secrets, 'offline-proofs') as ProofFile | null) ?? {};
  const write = (file: ProofFile) => deps.secrets.set('offline-proofs', Object.keys(file).length === 0 ? null : JSON.stringify(file));
  const proofOf = (file: ProofFile, officerId: string): CachedProof | undefined => (Object.hasOwn(file, officerId) ? file[officerId] : undefined);
  // Only the two costs made here: an entry naming another cannot make a check take minutes.
  const costOf = (proof: CachedProof) => (proof.cost === CODE_COST ? CODE_COST : CREDENTIAL_COST);
  const verifies = (proof: CachedProof, secret: string) => timingSafeEqual(verifierOf(secret, Buffer.from(proof.salt, 'base64'), costOf(proof)), Buffer.from(proof.verifier, 'base64'));

  /** This workstation's failed offline attempts within the window, oldest first (ISO times). */
  const recentStationFailures = (now: Date): string[] => {
    const times = readJsonSecret(deps.secrets, 'offline-failures');
    const since = now.getTime() - STATION_WINDOW_MS;
    return Array.isArray(times) ? times.filter((time): time is string => typeof time === 'string' && Date.parse(time) > since).sort() : [];
  };
  const recordStationFailure = (recent: string[], now: Date) => deps.secrets.set('offline-failures', JSON.stringify([...recent, now.toISOString()]));

  return {
    remember(officerId, hubUrl, secret, kind = 'credential') {
      const salt = randomBytes(16);
      const cost = kind === 'code' ? CODE_COST : CREDENTIAL_COST;
      const file = read();
      file[officerId] = {
        hubUrl,
        salt: salt.toString('base64'),
        verifier: verifierOf(secret, salt, cost).toString('base64'),
        provenAt: deps.clock.now().toISOString(),
        failures: 0,
        lockedUntil: null,
        kind,
        cost,
      };
      write(file);
    },

    kindOf(officerId, hubUrl) {
      const proof = proofOf(read(), officerId);
      return proof && proof.hubUrl === hubUrl ? (proof.kind ?? 'credential') : null;
    },

    codeAsked(officerId, hubUrl) {
      const proof = proofOf(read(), officerId);
      if (!proof || proof.hubUrl !== hubUrl || proof.kind !== 'code') return 'set';
      const age = deps.clock.now().getTime() - new Date(proof.provenAt).getTime();
      return proof.lockedOut === true || age > deps.maxAgeMs * CONFIRM_AFTER_SHARE ? 'confirm' : null;
    },

    vouch(officerId, hubUrl) {
      const file = read();
      const proof = proofOf(file, officerId);
      if (!proof || proof.hubUrl !== hubUrl) return;
      file[officerId] = { ...proof, provenAt: deps.clock.now().toISOString() };
      write(file);
    },

    check(officerId, hubUrl, credential) {
      const now = deps.clock.now();
      const stationFailures = recentStationFailures(now);
      if (stationFailures.length >= STATION_FAILURE_LIMIT) {
        return { ok: false, reason: 'station-locked', lockedUntil: new Date(Date.parse(stationFailures[0]!) + STATION_WINDOW_MS).toISOString() };
      }
      const file = read();
      const proof = proofOf(file, officerId);
      // A proof made with another hub (the address was changed since) proves nothing to this one.
      if (!proof || proof.hubUrl !== hubUrl) {
        recordStationFailure(stationFailures, now);
        return { ok: false, reason: 'never-here' };
      }
      if (proof.lockedUntil !== null && now < new Date(proof.lockedUntil)) return { ok: false, reason: 'locked', lockedUntil: proof.lockedUntil };
      if (!verifies(proof, credential)) {
        recordStationFailure(stationFailures, now);
        const failures = proof.failures + 1;
        if (failures < OFFLINE_FAILURE_LIMIT) {
          file[officerId] = { ...proof, failures };
          write(file);
          return { ok: false, reason: 'wrong', failures };
        }
        const lockedUntil = new Date(now.getTime() + OFFLINE_LOCK_MS).toISOString();
        file[officerId] = { ...proof, failures: 0, lockedUntil, lockedOut: true };
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

    matches(officerId, secret) {
      const proof = proofOf(read(), officerId);
      return proof !== undefined && verifies(proof, secret);
    },

    forget(officerId) {
      const file = read();
      if (!proofOf(file, officerId)) return;
      delete file[officerId];
      write(file);
    },
  };
}
