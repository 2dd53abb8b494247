/**
 * The proof an officer signs in with while the hub cannot be reached (src-main/app/offline-proofs.ts): a salted
 * scrypt verifier, never the credential; wrong credentials counted and an officer id locked after five, also across
 * a restart; too old a proof refused. Each attack beside its honest twin.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../shared/platform/clock';
import { createOfflineProofs, DEFAULT_OFFLINE_MAX_AGE_MS, OFFLINE_LOCK_MS, offlineMaxAgeFromEnv, STATION_FAILURE_LIMIT, STATION_WINDOW_MS } from '../../../src-main/app/offline-proofs';
import { offlineCodeProblem } from '../../../shared/api/offline-code';
import type { SecretName, SecretStore } from '../../../src-main/app/secrets';

const HUB = 'https://hub.politie.example';
const credential = () => `pzh_${randomBytes(32).toString('base64url').slice(0, 43)}`;

function memorySecrets(): SecretStore & { held: Map<SecretName, string> } {
  const held = new Map<SecretName, string>();
  return {
    held,
    keepsStoreKey: false,
    get: (name) => held.get(name) ?? null,
    set: (name, value) => (value === null ? held.delete(name) : held.set(name, value)),
  };
}

function movableClock(start = '2026-12-01T08:00:00Z'): Clock & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

function setUp() {
  const secrets = memorySecrets();
  const clock = movableClock();
  const open = () => createOfflineProofs({ secrets, clock, maxAgeMs: DEFAULT_OFFLINE_MAX_AGE_MS });
  return { secrets, clock, open, proofs: open() };
}

describe('offline proofs', () => {
  it('let the officer in with the credential the hub accepted, and keep only a salted verifier of it', () => {
    const { secrets, proofs } = setUp();
    const theirs = credential();
    proofs.remember('j.devries', HUB, theirs);
    // The same credential under another officer's name gets another salt, so another verifier.
    proofs.remember('r.dekker', HUB, theirs);
    expect(proofs.check('j.devries', HUB, theirs)).toEqual({ ok: true });
    const kept = secrets.held.get('offline-proofs')!;
    expect(kept).not.toContain(theirs);
    expect(kept).not.toContain(theirs.slice(4));
    const file = JSON.parse(kept) as Record<string, { salt: string; verifier: string }>;
    expect(file['j.devries']!.salt).not.toBe(file['r.dekker']!.salt);
    expect(file['j.devries']!.verifier).not.toBe(file['r.dekker']!.verifier);
  });

  it('refuse an officer with no proof here, a proof made with another hub, and a prototype name', () => {
    const { proofs } = setUp();
    const theirs = credential();
    proofs.remember('j.devries', HUB, theirs);
    expect(proofs.check('j.devries', 'https://hub.elders.example', theirs)).toEqual({ ok: false, reason: 'never-here' });
    expect(proofs.check('j.devries', HUB, theirs)).toEqual({ ok: true });
    expect(proofs.check('r.dekker', HUB, credential())).toEqual({ ok: false, reason: 'never-here' });
    expect(proofs.check('__proto__', HUB, credential())).toEqual({ ok: false, reason: 'never-here' });
    expect(proofs.check('constructor', HUB, credential())).toEqual({ ok: false, reason: 'never-here' });
  });

  it('lock offline sign-in for every officer id after ten failures on this workstation within an hour — a guesser trying a few codes per id in turn — beside the officer alone before it', () => {
    const { clock, open, proofs } = setUp();
    const theirs = credential();
    proofs.remember('j.devries', HUB, theirs);
    // Each id stays under its own limit: three guesses at j.devries, the rest at ids with no proof here.
    for (let guess = 0; guess < 3; guess++) expect(proofs.check('j.devries', HUB, credential())).toMatchObject({ ok: false, reason: 'wrong' });
    for (let guess = 3; guess < STATION_FAILURE_LIMIT; guess++) expect(proofs.check(`agent.${guess}`, HUB, credential())).toEqual({ ok: false, reason: 'never-here' });
    // Now the right credential too is refused, for everyone, also after a restart, until the window has passed.
    expect(proofs.check('j.devries', HUB, theirs)).toMatchObject({ ok: false, reason: 'station-locked', lockedUntil: '2026-12-01T09:00:00.000Z' });
    expect(open().check('j.devries', HUB, theirs)).toMatchObject({ ok: false, reason: 'station-locked' });
    clock.advance(STATION_WINDOW_MS);
    expect(open().check('j.devries', HUB, theirs)).toEqual({ ok: true });
  });

  it('refuse the offline codes a guesser tries first, and take ones that are not', () => {
    for (const guessable of ['000000', '111111', '123456', '654321', '12345678', '121212', '123123', '112233', '159753', 'abcdefgh', 'aaaaaaaa', 'Wachtwoord', 'qwertyui']) {
      expect(offlineCodeProblem(guessable), guessable).toBe('too-guessable');
    }
    for (const fine of ['493817', '27051964', 'fiets-op-dak', '80451739']) expect(offlineCodeProblem(fine), fine).toBeNull();
    expect(offlineCodeProblem('12345')).toBe('too-short');
  });

  it('lock an officer id after five wrong credentials, the right one included, also after a restart; open again after the lock', () => {
    const { clock, open, proofs } = setUp();
    const theirs = credential();
    proofs.remember('j.devries', HUB, theirs);
    for (const failures of [1, 2, 3, 4]) expect(proofs.check('j.devries', HUB, credential())).toEqual({ ok: false, reason: 'wrong', failures });
    expect(proofs.check('j.devries', HUB, credential())).toMatchObject({ ok: false, reason: 'locked' });
    // A restart (a new instance over the same secrets) does not reset the lock.
    const restarted = open();
    expect(restarted.check('j.devries', HUB, theirs)).toMatchObject({ ok: false, reason: 'locked', lockedUntil: '2026-12-01T08:15:00.000Z' });
    clock.advance(OFFLINE_LOCK_MS - 1);
    expect(restarted.check('j.devries', HUB, theirs)).toMatchObject({ ok: false, reason: 'locked' });
    clock.advance(1);
    expect(restarted.check('j.devries', HUB, theirs)).toEqual({ ok: true });
    // A success starts the count afresh.
    expect(restarted.check('j.devries', HUB, credential())).toEqual({ ok: false, reason: 'wrong', failures: 1 });
  });

  it('refuse a proof older than the maximum age, and take one just within it', () => {
    const { clock, proofs } = setUp();
    const theirs = credential();
    proofs.remember('j.devries', HUB, theirs);
    clock.advance(DEFAULT_OFFLINE_MAX_AGE_MS);
    expect(proofs.check('j.devries', HUB, theirs)).toEqual({ ok: true });
    clock.advance(1);
    expect(proofs.check('j.devries', HUB, theirs)).toEqual({ ok: false, reason: 'expired', provenAt: '2026-12-01T08:00:00.000Z' });
    // A fresh online sign-in makes a fresh proof.
    proofs.remember('j.devries', HUB, theirs);
    expect(proofs.check('j.devries', HUB, theirs)).toEqual({ ok: true });
  });

  it('forget an officer, and with the last one the secret itself', () => {
    const { secrets, proofs } = setUp();
    const theirs = credential();
    proofs.remember('j.devries', HUB, theirs);
    expect(proofs.matches('j.devries', theirs)).toBe(true);
    expect(proofs.matches('j.devries', credential())).toBe(false);
    proofs.forget('j.devries');
    expect(proofs.check('j.devries', HUB, theirs)).toEqual({ ok: false, reason: 'never-here' });
    expect(secrets.held.has('offline-proofs')).toBe(false);
  });

  it('keep an offline code as a proof of its own kind, at a higher scrypt cost, bound to its hub; replaced by a credential sign-in (one proof per officer)', () => {
    const { secrets, proofs } = setUp();
    proofs.remember('j.devries', HUB, '24681357', 'code');
    expect(proofs.kindOf('j.devries', HUB)).toBe('code');
    expect(proofs.kindOf('j.devries', 'https://hub.elders.example')).toBeNull();
    expect(proofs.kindOf('r.dekker', HUB)).toBeNull();
    const kept = secrets.held.get('offline-proofs')!;
    expect(kept).not.toContain('24681357');
    expect(JSON.parse(kept)).toMatchObject({ 'j.devries': { kind: 'code', cost: 16 } });
    // The attack: the code at another hub address proves nothing there, and counts no failure here.
    expect(proofs.check('j.devries', 'https://hub.elders.example', '24681357')).toEqual({ ok: false, reason: 'never-here' });
    expect(proofs.check('j.devries', HUB, '13572468')).toEqual({ ok: false, reason: 'wrong', failures: 1 });
    expect(proofs.check('j.devries', HUB, '24681357')).toEqual({ ok: true });
    const theirs = credential();
    proofs.remember('j.devries', HUB, theirs);
    expect(proofs.kindOf('j.devries', HUB)).toBe('credential');
    expect(proofs.check('j.devries', HUB, '24681357')).toEqual({ ok: false, reason: 'wrong', failures: 1 });
  });

  it('ask for the offline code at a police-account sign-in only to set it, near its end, or after a lockout; otherwise renew its proof', () => {
    const { clock, proofs } = setUp();
    const DAY = 86_400_000;
    // None yet, or only a credential's, or one made with another hub: set it.
    expect(proofs.codeAsked('j.devries', HUB)).toBe('set');
    proofs.remember('j.devries', HUB, credential());
    expect(proofs.codeAsked('j.devries', HUB)).toBe('set');
    proofs.remember('j.devries', HUB, '24681357', 'code');
    expect(proofs.codeAsked('j.devries', 'https://hub.elders.example')).toBe('set');
    expect(proofs.codeAsked('j.devries', HUB)).toBeNull();

    // Renewed at each police-account sign-in: eleven days apart, twice, it stays good without being asked.
    clock.advance(11 * DAY);
    expect(proofs.codeAsked('j.devries', HUB)).toBeNull();
    proofs.vouch('j.devries', HUB);
    clock.advance(11 * DAY);
    expect(proofs.codeAsked('j.devries', HUB)).toBeNull();
    expect(proofs.check('j.devries', HUB, '24681357')).toEqual({ ok: true });
    // Twelve days and more since the hub last vouched: its last seventh — confirm it.
    clock.advance(1 * DAY + 1);
    expect(proofs.codeAsked('j.devries', HUB)).toBe('confirm');
    proofs.remember('j.devries', HUB, '24681357', 'code');
    expect(proofs.codeAsked('j.devries', HUB)).toBeNull();

    // Locked out by wrong ones: confirm it, even after the right one signed them in again.
    for (let attempt = 0; attempt < 5; attempt++) proofs.check('j.devries', HUB, '13572468');
    expect(proofs.codeAsked('j.devries', HUB)).toBe('confirm');
    clock.advance(OFFLINE_LOCK_MS + 1);
    expect(proofs.check('j.devries', HUB, '24681357')).toEqual({ ok: true });
    expect(proofs.codeAsked('j.devries', HUB)).toBe('confirm');
    proofs.remember('j.devries', HUB, '24681357', 'code');
    expect(proofs.codeAsked('j.devries', HUB)).toBeNull();
  });

  it('still take a proof made before offline codes existed (no kind, no cost) as a credential’s', () => {
    const { secrets, open } = setUp();
    const theirs = credential();
    open().remember('j.devries', HUB, theirs);
    const file = JSON.parse(secrets.held.get('offline-proofs')!) as Record<string, Record<string, unknown>>;
    delete file['j.devries']!.kind;
    delete file['j.devries']!.cost;
    secrets.set('offline-proofs', JSON.stringify(file));
    expect(open().kindOf('j.devries', HUB)).toBe('credential');
    expect(open().check('j.devries', HUB, theirs)).toEqual({ ok: true });
  });

  it('take a damaged secret as no proofs at all', () => {
    const { secrets, proofs } = setUp();
    secrets.set('offline-proofs', '{"j.devries": {"salt"');
    expect(proofs.check('j.devries', HUB, credential())).toEqual({ ok: false, reason: 'never-here' });
  });

  it('read the maximum age in whole days from the environment, and refuse anything else', () => {
    expect(offlineMaxAgeFromEnv({})).toBe(14 * 86_400_000);
    expect(offlineMaxAgeFromEnv({ PUZZELSTUK_OFFLINE_SIGN_IN_DAYS: ' 3 ' })).toBe(3 * 86_400_000);
    expect(offlineMaxAgeFromEnv({ PUZZELSTUK_OFFLINE_SIGN_IN_DAYS: '0' })).toBe(0);
    for (const bad of ['-1', '2.5', 'veertien', '1e3']) {
      expect(() => offlineMaxAgeFromEnv({ PUZZELSTUK_OFFLINE_SIGN_IN_DAYS: bad })).toThrow(/must be a whole number of days/);
    }
  });
});
