/**
 * Issue 14, a police-account sign-in made ready before the click (src-main/app/oidc-attempt.ts): its secrets are
 * fresh per attempt and taken by one click at most; its early loopback listener serves nobody until then, and
 * closes when the attempt expires untaken or is discarded — while a taken one lives on past that expiry, for the
 * sign-in's own timeout. Against a real identity provider (`oidc-provider` in-process) and real listeners.
 */
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyAttempt, type ReadyAttempt } from '../../src-main/app/oidc-attempt';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';

const CLIENT_ID = 'puzzelstuk';
const LONG_MS = 60_000;
const SHORT_MS = 150;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a local process gets from the listener at `path`, or the connection's failure when nothing listens. */
async function knock(redirectUri: string, path: string): Promise<number | string> {
  try {
    return (await fetch(new URL(path, redirectUri), { redirect: 'manual' })).status;
  } catch (error) {
    return String((error as Error & { cause?: { code?: string } }).cause?.code ?? error);
  }
}

describe('a sign-in made ready before the click', () => {
  let provider: TestOidcProvider;
  let configuration: oidc.Configuration;
  const attempts: ReadyAttempt[] = [];
  const ready = async (expiresInMs: number) => {
    const attempt = await readyAttempt(configuration, { expiresInMs });
    attempts.push(attempt);
    return attempt;
  };

  beforeAll(async () => {
    provider = await startOidcProvider([{ clientId: CLIENT_ID, redirectUris: ['http://127.0.0.1/callback'] }]);
    configuration = await oidc.discovery(new URL(provider.issuer), CLIENT_ID, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
  });
  afterAll(async () => {
    for (const attempt of attempts) attempt.discard();
    await provider?.close();
  });

  it('is taken once, by one click: a second take finds nothing (the honest twin takes it whole)', async () => {
    const attempt = await ready(LONG_MS);
    const taken = attempt.take()!;
    expect(taken.secrets.verifier.length).toBeGreaterThanOrEqual(43);
    const asked = new URL(taken.providerUrl);
    expect(asked.origin).toBe(provider.issuer);
    expect(asked.searchParams.get('state')).toBe(taken.secrets.state);
    expect(asked.searchParams.get('nonce')).toBe(taken.secrets.nonce);
    expect(asked.searchParams.get('code_challenge')).toBe(await oidc.calculatePKCECodeChallenge(taken.secrets.verifier));
    expect(asked.searchParams.get('redirect_uri')).toBe(taken.loopback.redirectUri);
    expect(attempt.take()).toBeNull();
    taken.loopback.abandon(new Error('test over'));
  });

  it('has secrets and a listener of its own: no two attempts share a verifier, state, nonce or port', async () => {
    const [first, second] = [(await ready(LONG_MS)).take()!, (await ready(LONG_MS)).take()!];
    for (const name of ['verifier', 'state', 'nonce'] as const) expect(first.secrets[name]).not.toBe(second.secrets[name]);
    expect(first.loopback.redirectUri).not.toBe(second.loopback.redirectUri);
    first.loopback.abandon(new Error('test over'));
    second.loopback.abandon(new Error('test over'));
  });

  it('serves nobody before the click: its start page has no target, and its own state’s callback binds no browser', async () => {
    const attempt = await ready(LONG_MS);
    // Untaken, the listener is there (its port is in no URL yet, but a local process may find it): it serves nobody.
    expect(await knock(attempt.redirectUri, '/begin?t=een-geraden-ticket')).toBe(400);
    expect(await knock(attempt.redirectUri, '/callback?state=geraden&code=gestolen')).toBe(400);
    const taken = attempt.take()!;
    // Taken but not yet bound by the click's start page: the attacker knows even the state (they cannot: it is in no URL yet) and tries the listener early.
    expect(await knock(taken.loopback.redirectUri, '/begin?t=een-geraden-ticket')).toBe(400);
    expect(await knock(taken.loopback.redirectUri, `/callback?state=${taken.secrets.state}&code=gestolen`)).toBe(403);
    // The honest twin: the click binds the listener to the provider's URL, and its start page sends the browser on.
    const begin = taken.loopback.beginAt(taken.providerUrl);
    const answer = await fetch(begin, { redirect: 'manual' });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(taken.providerUrl);
    taken.loopback.abandon(new Error('test over'));
  });

  it('closes its listener when it expires untaken, and gives its secrets to no later click', async () => {
    const attempt = await ready(SHORT_MS);
    expect(await knock(attempt.redirectUri, '/callback')).toBe(400);
    await pause(SHORT_MS * 3);
    expect(await knock(attempt.redirectUri, '/callback')).toBe('ECONNREFUSED');
    expect(attempt.take()).toBeNull();
  });

  it('closes its listener when a newer attempt replaces it, and gives its secrets to no later click', async () => {
    const attempt = await ready(LONG_MS);
    attempt.discard();
    await pause(50);
    expect(await knock(attempt.redirectUri, '/callback')).toBe('ECONNREFUSED');
    expect(attempt.take()).toBeNull();
  });

  it('keeps the listener of an attempt taken in time past the expiry it had while waiting: the sign-in’s timeout runs from the click', async () => {
    const attempt = await ready(SHORT_MS);
    const taken = attempt.take()!;
    await pause(SHORT_MS * 3);
    expect(await knock(taken.loopback.redirectUri, '/callback?state=niet-deze&code=x')).toBe(400);
    taken.loopback.abandon(new Error('test over'));
    await pause(50);
    expect(await knock(taken.loopback.redirectUri, '/callback')).toBe('ECONNREFUSED');
  });
});
