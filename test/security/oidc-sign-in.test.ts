/**
 * Issue 14 §1, OpenID Connect: an officer signs in at the force's identity provider — a real one, `oidc-provider`
 * in-process — and the hub gives them a session only for a token it can verify and an officer it can name. Each
 * attack beside its honest twin, against a running hub on PGlite and PostgreSQL.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubErrorBody, KeyEnrolment, KeyRegistered, OidcOffer, SessionResponse } from '../../shared/hub/protocol';
import { findOfficerKey, registerOfficerKey, revokeOfficerKeys } from '../../src-hub/auth/officer-keys';
import { officerSessions } from '../../src-hub/db/schema';
import { addOfficer, deactivateOfficer, setOidcSubject } from '../../src-hub/officers/registry';
import { generateSigningKey } from '../../src-main/mutations/officer-signing';
import { BACKENDS, hubClock, startTestHub, type TestHub } from '../hub/harness';
import { signInAtProvider, startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';

const CLIENT = { clientId: 'puzzelstuk', redirectUri: 'http://127.0.0.1/callback' };
const OTHER_APP = { clientId: 'roosterapp', redirectUri: 'http://127.0.0.1/callback' };

describe.each(BACKENDS)('signing in through the identity provider (%s)', (backend) => {
  let provider: TestOidcProvider;
  let stranger: TestOidcProvider;
  let hub: TestHub;
  let skewMs = 0;

  const signIn = (idToken: string, enrol?: unknown) =>
    hub.request<SessionResponse & HubErrorBody>('/v1/sessions', { contentType: 'application/json', body: JSON.stringify({ idToken, ...(enrol === undefined ? {} : { enrol }) }) });
  const sessionsOf = async (officerId: string) => (await hub.database.db.select().from(officerSessions).where(eq(officerSessions.officerId, officerId))).length;
  /** Who holds a key on the hub, and whether it still counts; null when the hub never registered it. */
  const holderOf = async (keyId: string) => {
    const key = await findOfficerKey(hub.database.db, keyId);
    return key && { officerId: key.officerId, revoked: key.revoked };
  };
  const idTokenOf = async (login: string, at = provider, client = CLIENT) => (await signInAtProvider(at.issuer, client, login)).idToken;
  const expectRefusal = (answer: { status: number; body: HubErrorBody }, status: number, reason: RegExp) => {
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(answer.body.error.message).toMatch(reason);
  };

  beforeAll(async () => {
    const clients = [{ clientId: CLIENT.clientId, redirectUris: [CLIENT.redirectUri] }, { clientId: OTHER_APP.clientId, redirectUris: [OTHER_APP.redirectUri] }];
    provider = await startOidcProvider(clients);
    stranger = await startOidcProvider(clients);
    hub = await startTestHub(backend, { oidc: { settings: { issuer: provider.issuer, clientId: CLIENT.clientId }, now: () => new Date(Date.now() + skewMs) } });
    const { db } = hub.database;
    await addOfficer(db, hubClock(), { id: 'agent.visser', displayName: 'A. Visser', role: 'officer', team: null, oidcSubject: 'kc-visser' });
    await addOfficer(db, hubClock(), { id: 'agent.bos', displayName: 'B. Bos', role: 'officer', team: null });
    await setOidcSubject(db, 'agent.bos', 'kc-bos');
    await addOfficer(db, hubClock(), { id: 'agent.weg', displayName: 'W. Weg', role: 'officer', team: null, oidcSubject: 'kc-weg' });
    await deactivateOfficer(db, 'agent.weg');
  });
  afterAll(async () => {
    await hub?.close();
    await provider?.close();
    await stranger?.close();
  });

  it('tells a workstation, without a token, where its officers sign in', async () => {
    const answer = await hub.request<OidcOffer>('/v1/auth/oidc');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ issuer: provider.issuer, clientId: CLIENT.clientId });
  });

  it('gives a registered officer a session for their ID token, under which they enrol their signing key', async () => {
    const answer = await signIn(await idTokenOf('kc-visser'));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.officer.id).toBe('agent.visser');
    const key = generateSigningKey();
    const registered = await hub.request<KeyRegistered>('/v1/keys', { token: answer.body.session, contentType: 'application/json', body: JSON.stringify({ publicKey: key.publicKey }) });
    expect(registered.status).toBe(200);
    expect(registered.body.keyId).toBe(key.keyId);
  });

  it('names the officer linked later with setOidcSubject', async () => {
    const answer = await signIn(await idTokenOf('kc-bos'));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.officer.id).toBe('agent.bos');
  });

  it('refuses a subject no officer is linked to', async () => {
    expectRefusal(await signIn(await idTokenOf('kc-onbekend')), 403, /no officer in the hub's registry is linked to sub "kc-onbekend"/);
  });

  it('refuses a deactivated officer', async () => {
    expectRefusal(await signIn(await idTokenOf('kc-weg')), 403, /officer "agent.weg" has been deactivated/);
  });

  it('refuses a token issued for another application of the same provider', async () => {
    expectRefusal(await signIn(await idTokenOf('kc-visser', provider, OTHER_APP)), 401, /issued for another application, not for this hub's client "puzzelstuk"/);
  });

  it('refuses a token of another identity provider', async () => {
    expectRefusal(await signIn(await idTokenOf('kc-visser', stranger)), 401, /issued by another identity provider/);
  });

  it('refuses a token whose subject was altered (its signature no longer matches)', async () => {
    const [header, payload, signature] = (await idTokenOf('kc-onbekend')).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'kc-visser' })).toString('base64url');
    expectRefusal(await signIn(`${header}.${forged}.${signature}`), 401, /signature does not match the keys of/);
  });

  it('refuses a token signed by another key under the right issuer', async () => {
    // The stranger's token with this provider's issuer claimed: the issuer check passes, the signature cannot.
    const [header, payload, signature] = (await idTokenOf('kc-visser', stranger)).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, iss: provider.issuer })).toString('base64url');
    expectRefusal(await signIn(`${header}.${forged}.${signature}`), 401, /signature does not match the keys of/);
  });

  it('refuses an expired token', async () => {
    const idToken = await idTokenOf('kc-visser');
    skewMs = 2 * 60 * 60 * 1000;
    try {
      expectRefusal(await signIn(idToken), 401, /sign-in at the identity provider has expired/);
    } finally {
      skewMs = 0;
    }
    expect((await signIn(idToken)).status).toBe(200);
  });

  it('refuses an access token or anything else that is not an ID token', async () => {
    const { accessToken } = await signInAtProvider(provider.issuer, CLIENT, 'kc-visser');
    expectRefusal(await signIn(accessToken), 401, /not a valid ID token/);
  });

  describe('enrolling the signing key in the session request', () => {
    const offer = (keptKeyIds: string[] = []) => {
      const fresh = generateSigningKey();
      return { fresh, enrol: { publicKey: fresh.publicKey, keptKeyIds } satisfies KeyEnrolment };
    };

    it('registers the new key for the officer the token names, in one request', async () => {
      const { fresh, enrol } = offer();
      const answer = await signIn(await idTokenOf('kc-visser'), enrol);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body).toMatchObject({ officer: { id: 'agent.visser' }, keyId: fresh.keyId });
      expect(await holderOf(fresh.keyId)).toEqual({ officerId: 'agent.visser', revoked: false });
    });

    it('answers the officer’s own unrevoked key the workstation keeps, and registers nothing new', async () => {
      const kept = generateSigningKey();
      await registerOfficerKey(hub.database.db, hubClock(), 'agent.bos', kept.publicKey);
      const { fresh, enrol } = offer([kept.keyId]);
      const answer = await signIn(await idTokenOf('kc-bos'), enrol);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body.keyId).toBe(kept.keyId);
      expect(await holderOf(fresh.keyId)).toBeNull();
    });

    it('never answers another officer’s key the workstation keeps: the new key is registered for the officer signing in', async () => {
      const bosKey = generateSigningKey();
      await registerOfficerKey(hub.database.db, hubClock(), 'agent.bos', bosKey.publicKey);
      const { fresh, enrol } = offer([bosKey.keyId]);
      const answer = await signIn(await idTokenOf('kc-visser'), enrol);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body).toMatchObject({ officer: { id: 'agent.visser' }, keyId: fresh.keyId });
      expect(await holderOf(bosKey.keyId)).toEqual({ officerId: 'agent.bos', revoked: false });
    });

    it('does not answer a kept key that was revoked: a new one is registered', async () => {
      const lost = generateSigningKey();
      await addOfficer(hub.database.db, hubClock(), { id: 'agent.kwijt', displayName: 'K. Kwijt', role: 'officer', team: null, oidcSubject: 'kc-kwijt' });
      await registerOfficerKey(hub.database.db, hubClock(), 'agent.kwijt', lost.publicKey);
      await revokeOfficerKeys(hub.database.db, hubClock(), 'agent.kwijt');
      const { fresh, enrol } = offer([lost.keyId]);
      const answer = await signIn(await idTokenOf('kc-kwijt'), enrol);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body.keyId).toBe(fresh.keyId);
      expect(await holderOf(lost.keyId)).toEqual({ officerId: 'agent.kwijt', revoked: true });
    });

    it('refuses another officer’s registered key offered as new, and opens no session', async () => {
      const bosKey = generateSigningKey();
      await registerOfficerKey(hub.database.db, hubClock(), 'agent.bos', bosKey.publicKey);
      const before = await sessionsOf('agent.visser');
      expectRefusal(await signIn(await idTokenOf('kc-visser'), { publicKey: bosKey.publicKey, keptKeyIds: [] }), 409, /registered to another officer/);
      expect(await sessionsOf('agent.visser')).toBe(before);
      expect(await holderOf(bosKey.keyId)).toEqual({ officerId: 'agent.bos', revoked: false });
    });

    it('registers nothing for a token it refuses, nor for a deactivated officer', async () => {
      const [header, payload, signature] = (await idTokenOf('kc-onbekend')).split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
      const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'kc-visser' })).toString('base64url')}.${signature}`;
      const forgedOffer = offer();
      expectRefusal(await signIn(forged, forgedOffer.enrol), 401, /signature does not match/);
      expect(await holderOf(forgedOffer.fresh.keyId)).toBeNull();
      const retiredOffer = offer();
      expectRefusal(await signIn(await idTokenOf('kc-weg'), retiredOffer.enrol), 403, /has been deactivated/);
      expect(await holderOf(retiredOffer.fresh.keyId)).toBeNull();
    });

    it('refuses a malformed enrolment with a reason, before anything is registered', async () => {
      const idToken = await idTokenOf('kc-visser');
      const { fresh } = offer();
      expectRefusal(await signIn(idToken, { publicKey: fresh.publicKey, keptKeyIds: ['not a key id'] }), 400, /keptKeyIds must be a list of at most 500 key ids/);
      expectRefusal(await signIn(idToken, { publicKey: { ...fresh.publicKey, d: 'geheim' }, keptKeyIds: [] }), 400, /holds a private key/);
      expectRefusal(await signIn(idToken, { publicKey: fresh.publicKey, keptKeyIds: Array.from({ length: 501 }, () => fresh.keyId) }), 400, /at most 500/);
      expect(await holderOf(fresh.keyId)).toBeNull();
    });
  });
});
