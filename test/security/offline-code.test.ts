/**
 * Issue 14 §1, offline for police-account officers: right after signing in with their police account (a real
 * identity provider, `oidc-provider`, and a real hub on PGlite) the officer sets an offline code; it unlocks their
 * screen online without the identity provider, and signs them in while the hub is away — never giving a hub
 * session: their changes wait signed with their key and reach the hub as theirs when it is back. The session they
 * left is ended on the hub once it is back. Each attack (a code too weak, setting one without a fresh police-account
 * sign-in, a wrong code, the lockout, the code with the hub reachable, an expired proof, a deactivated officer)
 * beside its honest twin.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiMethod, ApiParams, ApiValue } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/result';
import type { RefusedChangesResponse } from '../../shared/hub/protocol';
import { mutations } from '../../src-hub/db/schema';
import { deactivateOfficer, setOidcSubject } from '../../src-hub/officers/registry';
import { dispatch } from '../../src-main/api/dispatch';
import { appPathsIn } from '../../src-main/app/app-paths';
import { OFFLINE_LOCK_MS } from '../../src-main/app/offline-proofs';
import { openAppStore } from '../../src-main/app/open-app-store';
import { createFileSecretStore, type SecretStore } from '../../src-main/app/secrets';
import { startWorkstation, type Workstation } from '../../src-main/app/workstation';
import type { CaseStore } from '../../src-main/db/open-store';
import { authorizeInBrowser, startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { outboxOf as outboxOfStore, skippableClock, until, withStoppedHub, type HubDb } from '../support/shared-station';
import { startSyncHub, type SyncHub } from '../sync/support/sync-hub';

const CLIENT_ID = 'puzzelstuk';
const CODE = '24681357';
const DAY_MS = 86_400_000;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The system clock, moved on by the test to age the cached proofs. */
const clock = skippableClock();

describe('the offline code of an officer who signs in with their police account', () => {
  let dir: string;
  let provider: TestOidcProvider;
  let hub: SyncHub;
  let store: CaseStore;
  let secrets: SecretStore;
  let workstation: Workstation;

  const call = <M extends ApiMethod>(method: M, params: ApiParams<M>) => dispatch(method, params, workstation.context) as Promise<ApiResult<ApiValue<M>>>;
  async function value<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiValue<M>> {
    const result = await call(method, params);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  }
  /** The whole police-account sign-in, the officer's browser played by the test: the outcome. */
  async function policeSignIn(login: string) {
    const { authorizationUrl } = await value('session.oidcStart', {});
    const browser = await authorizeInBrowser(authorizationUrl, login);
    const [, outcome] = await Promise.all([browser.visit(), call('session.oidcFinish', {})]);
    return outcome;
  }
  const codeSignIn = (code = CODE) => call('session.signIn', { officerId: 'j.devries', credential: code });
  const whoami = async (token: string) => (await fetch(`${hub.url}/v1/whoami`, { headers: { authorization: `Bearer ${token}` } })).status;
  const outboxOf = (officer: string) => outboxOfStore(store, officer);
  const proofOf = (officer: string) => (JSON.parse(secrets.get('offline-proofs')!) as Record<string, { provenAt: string }>)[officer]!;
  const pendingEnds = () => JSON.parse(secrets.get('pending-session-ends') ?? '[]') as Array<{ session: string }>;
  const withHubDatabase = <T>(work: (db: HubDb) => Promise<T>) => withStoppedHub(hub, dir, work);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-offline-code-'));
    provider = await startOidcProvider([{ clientId: CLIENT_ID, redirectUris: ['http://127.0.0.1/callback'] }]);
    hub = await startSyncHub(dir, {
      oidc: { issuer: provider.issuer, clientId: CLIENT_ID },
      prepare: async (db) => {
        await setOidcSubject(db, 'j.devries', 'kc-devries');
      },
    });
    const paths = appPathsIn(mkdtempSync(join(dir, 'station-')));
    secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    store = openAppStore(paths, secrets, {}, clock, 'own');
    workstation = await startWorkstation({ store, paths, secrets, env: {}, logger: silent, demo: false, clock, launch: { hubUrl: hub.url, hubToken: hub.tokens.workstations[0]! } });
  }, 120_000);
  afterAll(async () => {
    await workstation?.close();
    store?.close();
    await hub?.close();
    await provider?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is set right after the police-account sign-in, unlocks online, signs in while the hub is away, and their change reaches the hub as theirs', async () => {
    expect(await policeSignIn('kc-devries')).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' }, offline: false, offlineCode: 'set' } });
    const session = secrets.get('hub-token')!;
    expect(session).toMatch(/^pzs_/);

    // Codes too weak, or looking like a credential, are refused, saying why; the honest code is taken.
    for (const [weak, message] of [
      ['12345', /at least 6 digits/],
      ['kort123', /at least 8 characters/],
      ['pzh_abcdefgh', /must not start with pzh_/],
      [' 24681357', /must not start or end with a space/],
    ] as const) {
      expect(await call('session.setOfflineCode', { code: weak, replace: true }), weak).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(message) as unknown } });
    }
    expect(await call('session.setOfflineCode', { code: CODE, replace: true })).toMatchObject({ ok: true, value: { offlineCode: null } });
    const kept = secrets.get('offline-proofs')!;
    expect(kept).not.toContain(CODE);
    expect(JSON.parse(kept)).toMatchObject({ 'j.devries': { kind: 'code', hubUrl: hub.url } });
    // The attack: nobody at the open screen replaces the code later — only a fresh police-account sign-in may.
    expect(await call('session.setOfflineCode', { code: '11223344', replace: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Locked, the code unlocks while the hub is there: no trip to the identity provider, the session unchanged.
    await value('session.lock', {});
    expect(await call('session.unlock', { credential: '13572468' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/Unlocking with the offline code: this is not the offline code "j.devries" last set here, or "j.devries" never signed in here with the hub/) as unknown },
    });
    expect(await value('session.get', {})).toMatchObject({ locked: true });
    expect(await call('session.unlock', { credential: CODE })).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' }, locked: false, offline: false } });
    expect(secrets.get('hub-token')).toBe(session);
    expect(await whoami(session)).toBe(200);

    // The hub goes away; signing out cannot end the session there now, so the end is kept.
    await hub.stop();
    await value('session.signOut', {});
    expect(pendingEnds().map((end) => end.session)).toEqual([session]);

    // Without the hub the code signs them in, marked offline — and gives no hub session or token.
    expect(await codeSignIn()).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' }, offline: true, offlineCode: null } });
    expect(secrets.get('hub-token')).toBeNull();
    const { caseId } = await value('case.create', { title: 'Helpdeskfraude zonder hub', reportIds: [] });
    expect(outboxOf('j.devries').map((row) => row.state)).toEqual(['pending']);

    // The hub is back: the change goes (under the station's token, signed with j.devries's key), and the kept end.
    await hub.restart();
    await until('the outbox is empty', () => outboxOf('j.devries').every((row) => row.state === 'acked'), () => workstation.context.sync.wake());
    await until('the kept session end was sent', () => pendingEnds().length === 0);
    expect(await whoami(session)).toBe(401);
    // Still offline: a code gives nothing to go online with; their police account does, and they are asked for it.
    await until('the officer is asked to sign in with their police account', async () => (await value('session.get', {})).hubBack === true, () => workstation.context.sync.wake());
    expect(await value('session.get', {})).toMatchObject({ officer: { id: 'j.devries' }, offline: true });

    const keyId = (JSON.parse(outboxOf('j.devries')[0]!.proof!) as { keyId: string }).keyId;
    const rows = await withHubDatabase((db) => db.select({ officer: mutations.officer, kind: mutations.kind, keyId: mutations.proofKeyId, payload: mutations.payload }).from(mutations));
    await hub.restart();
    expect(rows.filter((row) => row.kind === 'case.create').map(({ officer, keyId: key, payload }) => ({ officer, key, caseId: (payload as { caseId: string }).caseId }))).toEqual([{ officer: 'j.devries', key: keyId, caseId }]);

    // Their police account, again: they go online; the code they set is not asked again (neither near its end nor
    // locked out), its proof counts from now.
    const provenBefore = proofOf('j.devries').provenAt;
    const signedIn = await policeSignIn('kc-devries');
    expect(signedIn).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' }, offline: false, offlineCode: null } });
    expect(signedIn.ok && signedIn.value.hubBack).toBeUndefined();
    expect(proofOf('j.devries').provenAt > provenBefore).toBe(true);
    // Nor may anyone at the open screen set one now.
    expect(await call('session.setOfflineCode', { code: '11223344', replace: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }, 180_000);

  it('is refused while the hub can be reached, and is no credential at the hub', async () => {
    await value('session.signOut', {});
    expect(await codeSignIn()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/The hub can be reached: sign in with your police account/) as unknown } });
    expect(await value('session.get', {})).toMatchObject({ officer: null });
    expect(await whoami(CODE)).toBe(401);
    // The honest twin: the police account signs them in.
    expect(await policeSignIn('kc-devries')).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' }, offlineCode: null } });
    await value('session.signOut', {});
  }, 120_000);

  it('refuses without the hub a wrong code, locks after five, and refuses a proof too old', async () => {
    await hub.stop();
    // Four wrong ones are answered alike (the answer does not say whether the id has a code here), the fifth locks.
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await codeSignIn('99999999')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/not the offline code "j.devries" last set here, or "j.devries" never signed in here with the hub/) as unknown } });
    }
    expect(await codeSignIn('99999999')).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    // Locked: the right code too, until the lock has passed.
    expect(await codeSignIn()).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/locked until/) as unknown } });
    expect(await value('session.get', {})).toMatchObject({ officer: null });
    clock.skip(OFFLINE_LOCK_MS + 1_000);
    expect(await codeSignIn()).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' }, offline: true } });
    await value('session.signOut', {});

    // Fifteen days after they last set or confirmed it with the hub, the code no longer counts.
    clock.skip(15 * DAY_MS);
    expect(await codeSignIn()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/counts for 14 days/) as unknown } });
    expect(await value('session.get', {})).toMatchObject({ officer: null });
    clock.skip(-15 * DAY_MS - OFFLINE_LOCK_MS - 1_000);
  }, 120_000);

  it('is asked to be confirmed after a lockout and when its proof nears its end, and otherwise not', async () => {
    await hub.restart();
    // The lockout above: they may have forgotten it. A wrong one is refused; theirs is taken.
    expect(await policeSignIn('kc-devries')).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' }, offlineCode: 'confirm' } });
    expect(await call('session.setOfflineCode', { code: '13572468', replace: false })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/Confirming your offline code: this is not the offline code/) as unknown } });
    expect(await call('session.setOfflineCode', { code: CODE, replace: false })).toMatchObject({ ok: true, value: { offlineCode: null } });
    await value('session.signOut', {});

    // Confirmed: the next police-account sign-ins ask nothing, eleven days on neither.
    expect(await policeSignIn('kc-devries')).toMatchObject({ ok: true, value: { offlineCode: null } });
    await value('session.signOut', {});
    clock.skip(11 * DAY_MS);
    expect(await policeSignIn('kc-devries')).toMatchObject({ ok: true, value: { offlineCode: null } });
    await value('session.signOut', {});

    // Thirteen days after the last police-account sign-in the proof is in its last two days: confirm it.
    clock.skip(13 * DAY_MS);
    expect(await policeSignIn('kc-devries')).toMatchObject({ ok: true, value: { offlineCode: 'confirm' } });
    expect(await call('session.setOfflineCode', { code: CODE, replace: false })).toMatchObject({ ok: true, value: { offlineCode: null } });
    await value('session.signOut', {});
    clock.skip(-24 * DAY_MS);
    await hub.stop();
  }, 120_000);

  it('signs out an officer signed in with their code whom the hub, back, has deactivated; their change is refused and kept for supervisors', async () => {
    expect(await codeSignIn()).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' }, offline: true } });
    const { caseId } = await value('case.create', { title: 'Na het vertrek', reportIds: [] });
    await withHubDatabase((db) => deactivateOfficer(db, 'j.devries'));
    await hub.restart();
    // The registry sync copies (with the station's token) says so: nobody works on in their name.
    await until('j.devries is signed out', () => workstation.context.session.current() === null, () => workstation.context.sync.wake());
    expect(JSON.parse(secrets.get('offline-proofs') ?? '{}')).not.toHaveProperty('j.devries');
    expect(await codeSignIn()).toMatchObject({ ok: false });
    await until('the change was refused', () => outboxOf('j.devries').some((row) => row.state === 'rejected'), () => workstation.context.sync.wake());
    const mutationId = outboxOf('j.devries').find((row) => row.state === 'rejected')!.mutationId;
    const refused = await fetch(`${hub.url}/v1/refused`, { headers: { authorization: `Bearer ${hub.tokens.credentials['r.dekker']}` } });
    expect(((await refused.json()) as RefusedChangesResponse).refused).toContainEqual(
      expect.objectContaining({ mutationId, officer: 'j.devries', kind: 'case.create', reason: expect.stringMatching(/deactivated/) as unknown }),
    );
    expect(caseId).toBeTruthy();
  }, 120_000);
});
