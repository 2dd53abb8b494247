/**
 * Issue 14 §1, back online after an offline-code sign-in: an officer who signed in with their offline code while
 * the hub was away keeps working, their changes queued and signed with their key. This station has no token of its
 * own, so nothing goes to the hub under the code. Once the hub answers again the officer is asked to sign in with
 * their police account (the session view's `hubBack`, a prompt on screen) — not silently kept offline — and after
 * they do, their waiting changes reach the hub in their name. Beside it the attack: where the officer at the screen
 * signs in again, another officer's police account is refused and their changes stay theirs, waiting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiMethod, ApiParams, ApiValue } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/result';
import { mutations } from '../../src-hub/db/schema';
import { setOidcSubject } from '../../src-hub/officers/registry';
import { dispatch } from '../../src-main/api/dispatch';
import { appPathsIn } from '../../src-main/app/app-paths';
import { openAppStore } from '../../src-main/app/open-app-store';
import { createFileSecretStore, type SecretStore } from '../../src-main/app/secrets';
import { startWorkstation, type Workstation } from '../../src-main/app/workstation';
import type { CaseStore } from '../../src-main/db/open-store';
import { systemClock } from '../../shared/platform/clock';
import { authorizeInBrowser, startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { outboxOf as outboxOfStore, until, withStoppedHub, type HubDb } from '../support/shared-station';
import { startSyncHub, type SyncHub } from '../sync/support/sync-hub';

const CLIENT_ID = 'puzzelstuk';
const CODE = '24681357';
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('an officer signed in with their offline code when the hub is back', () => {
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
  async function policeSignIn(login: string, params: ApiParams<'session.oidcStart'> = {}) {
    const { authorizationUrl } = await value('session.oidcStart', params);
    const browser = await authorizeInBrowser(authorizationUrl, login);
    const [, outcome] = await Promise.all([browser.visit(), call('session.oidcFinish', {})]);
    return outcome;
  }
  const outboxOf = (officer: string) => outboxOfStore(store, officer);
  const withHubDatabase = <T>(work: (db: HubDb) => Promise<T>) => withStoppedHub(hub, dir, work);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'puzzelstuk-hub-back-'));
    provider = await startOidcProvider([{ clientId: CLIENT_ID, redirectUris: ['http://127.0.0.1/callback'] }]);
    hub = await startSyncHub(dir, {
      oidc: { issuer: provider.issuer, clientId: CLIENT_ID },
      prepare: async (db) => {
        await setOidcSubject(db, 'j.devries', 'kc-devries');
        await setOidcSubject(db, 'r.dekker', 'kc-dekker');
      },
    });
    const paths = appPathsIn(mkdtempSync(join(dir, 'station-')));
    secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    store = openAppStore(paths, secrets, {}, systemClock, 'own');
    // No station token: only an officer's own sign-in gives this workstation anything to sync with.
    workstation = await startWorkstation({ store, paths, secrets, env: {}, logger: silent, demo: false, launch: { hubUrl: hub.url }, hubProbeMs: 200 });
  }, 120_000);
  afterAll(async () => {
    await workstation?.close();
    store?.close();
    await hub?.close();
    await provider?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks them to sign in with their police account, and then their waiting changes reach the hub in their name', async () => {
    expect(await policeSignIn('kc-devries')).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' }, offlineCode: 'set' } });
    await value('session.setOfflineCode', { code: CODE, replace: true });

    // The hub goes away; with their code they work on, their change waiting, signed with their key.
    await hub.stop();
    expect(await call('session.signIn', { officerId: 'j.devries', credential: CODE })).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' }, offline: true } });
    const { caseId } = await value('case.create', { title: 'Helpdeskfraude terwijl de hub weg was', reportIds: [] });
    expect(outboxOf('j.devries').map((row) => [row.state, row.proof !== null])).toEqual([['pending', true]]);
    expect((await value('session.get', {})).hubBack).toBeUndefined();

    // The hub is back: they are asked — and nothing went under the code meanwhile.
    await hub.restart();
    await until('the officer is asked to sign in with their police account', async () => (await value('session.get', {})).hubBack === true);
    expect(await value('session.get', {})).toMatchObject({ officer: { id: 'j.devries' }, offline: true, hubBack: true });
    expect(outboxOf('j.devries').map((row) => row.state)).toEqual(['pending']);

    // The attack: someone else's police account where j.devries signs in again is refused; nothing changes.
    expect(await policeSignIn('kc-dekker', { officerId: 'j.devries' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/not j\.devries's/) as unknown } });
    expect(await value('session.get', {})).toMatchObject({ officer: { id: 'j.devries' }, offline: true, hubBack: true });
    expect(outboxOf('j.devries').map((row) => row.state)).toEqual(['pending']);
    // The same from a page that does not say whose sign-in it is: the core binds it to j.devries all the same.
    expect(await policeSignIn('kc-dekker')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/not j\.devries's/) as unknown } });
    expect(await call('session.oidcStart', { officerId: 'r.dekker' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await value('session.get', {})).toMatchObject({ officer: { id: 'j.devries' }, offline: true, hubBack: true });

    // The honest twin: their own police account; online, not asked again, and their change goes in their name.
    const signedIn = await policeSignIn('kc-devries', { officerId: 'j.devries' });
    expect(signedIn).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' }, offline: false, offlineCode: null } });
    expect(signedIn.ok && signedIn.value.hubBack).toBeUndefined();
    await until('the waiting change reached the hub', () => outboxOf('j.devries').every((row) => row.state === 'acked'), () => workstation.context.sync.wake());
    const keyId = (JSON.parse(outboxOf('j.devries')[0]!.proof!) as { keyId: string }).keyId;
    const rows = await withHubDatabase((db) => db.select({ officer: mutations.officer, kind: mutations.kind, keyId: mutations.proofKeyId, payload: mutations.payload }).from(mutations));
    await hub.restart();
    expect(rows.filter((row) => row.kind === 'case.create').map(({ officer, keyId: key, payload }) => ({ officer, key, caseId: (payload as { caseId: string }).caseId }))).toEqual([{ officer: 'j.devries', key: keyId, caseId }]);
  }, 180_000);
});
