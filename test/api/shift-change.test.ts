/**
 * Issue 14 §1, offline and shift change, on one shared station against a real hub that goes away and comes back:
 * officers who signed in here with the hub sign in again without it (marked offline), sign out for each other, and
 * every change they made reaches the hub as their own — a change of an officer deactivated meanwhile is refused by
 * the hub and kept in its refused list, never dropped. Each attack (a wrong credential, an officer never signed in
 * here, a proof too old, a deactivated officer) beside its honest twin.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiMethod, ApiParams, ApiValue } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/result';
import type { RefusedChangesResponse } from '../../shared/hub/protocol';
import { mutations } from '../../src-hub/db/schema';
import { addOfficer, deactivateOfficer } from '../../src-hub/officers/registry';
import { dispatch } from '../../src-main/api/dispatch';
import { appPathsIn } from '../../src-main/app/app-paths';
import { openAppStore } from '../../src-main/app/open-app-store';
import { createFileSecretStore, type SecretStore } from '../../src-main/app/secrets';
import { createSettingsFile } from '../../src-main/app/settings-file';
import { startWorkstation, type Workstation } from '../../src-main/app/workstation';
import type { CaseStore } from '../../src-main/db/open-store';
import { outboxOf as outboxOfStore, skippableClock, until, withStoppedHub, type HubDb } from '../support/shared-station';
import { startSyncHub, type SyncHub } from '../sync/support/sync-hub';
import { retentionNeverDue } from '../support/retention-timers';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const DAY_MS = 86_400_000;
const LEAVER = 'agent.weg';

/** The system clock, moved on by the test to age the cached proofs. */
const clock = skippableClock();

describe('a shift change on a shared station while the hub is away', () => {
  let hubDir: string;
  let hub: SyncHub;
  let leaverCredential: string;
  let store: CaseStore;
  let workstation: Workstation;
  let settingsPath: string;
  let secrets: SecretStore;

  const call = <M extends ApiMethod>(method: M, params: ApiParams<M>) => dispatch(method, params, workstation.context) as Promise<ApiResult<ApiValue<M>>>;
  async function value<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiValue<M>> {
    const result = await call(method, params);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  }
  const cachedProofs = () => Object.keys(JSON.parse(secrets.get('offline-proofs') ?? '{}') as object).sort();
  const credentials = () => ({ ...hub.tokens.credentials, [LEAVER]: leaverCredential });
  const signIn = (officerId: 'j.devries' | 'r.dekker' | typeof LEAVER, credential = credentials()[officerId]) => call('session.signIn', { officerId, credential });
  const newCase = async (title: string) => (await value('case.create', { title, reportIds: [] })).caseId;
  const outboxOf = (officer: string) => outboxOfStore(store, officer);
  const withHubDatabase = <T>(work: (db: HubDb) => Promise<T>) => withStoppedHub(hub, hubDir, work);

  beforeAll(async () => {
    hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-shift-change-'));
    hub = await startSyncHub(hubDir);
    // An officer who will leave the force while the hub is away.
    leaverCredential = await withHubDatabase(async (db) => (await addOfficer(db, clock, { id: LEAVER, displayName: 'Agent W. Eg', role: 'officer', team: 'Team Fraude' })).credential);
    await hub.restart();
    const paths = appPathsIn(mkdtempSync(join(hubDir, 'station-')));
    settingsPath = paths.settingsPath;
    secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    store = openAppStore(paths, secrets, {}, clock, 'own');
    workstation = await startWorkstation({ store, paths, secrets, env: {}, logger: silent, demo: false, timers: retentionNeverDue, clock, launch: { hubUrl: hub.url, hubToken: hub.tokens.workstations[0]! } });
  }, 120_000);
  afterAll(async () => {
    await workstation?.close();
    store?.close();
    await hub?.close();
    rmSync(hubDir, { recursive: true, force: true });
  });

  it('signs each officer in without the hub after a sign-in with it, and every change reaches the hub as its officer’s', async () => {
    // Each officer of the station signs in once while the hub is there.
    for (const officerId of [LEAVER, 'r.dekker', 'j.devries'] as const) {
      expect(await signIn(officerId)).toMatchObject({ ok: true, value: { officer: { id: officerId }, offline: false } });
    }
    await hub.stop();

    // j.devries works on without the hub, then signs out: nobody works here, and the settings name nobody.
    const devriesCase = await newCase('Helpdeskfraude Utrecht');
    expect(await value('session.signOut', {})).toEqual({ officer: null, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null });
    expect(await call('case.create', { title: 'na afmelden', reportIds: [] })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(createSettingsFile(settingsPath).read().officerId).toBeNull();

    // The leaver signs in without the hub and makes a change; meanwhile the hub deactivates them.
    expect(await signIn(LEAVER)).toMatchObject({ ok: true, value: { officer: { id: LEAVER }, offline: true } });
    await newCase('Valse webwinkel');
    await value('session.signOut', {});
    await withHubDatabase((db) => deactivateOfficer(db, LEAVER));

    // r.dekker takes over the station without the hub: signed in, marked offline.
    const signedIn = await signIn('r.dekker');
    expect(signedIn).toMatchObject({ ok: true, value: { officer: { id: 'r.dekker', role: 'supervisor' }, demo: false, offline: true } });
    expect(await value('session.get', {})).toMatchObject({ officer: { id: 'r.dekker' }, offline: true });
    const dekkerCase = await newCase('Phishing Rabobank');
    expect(outboxOf('j.devries').map((row) => row.state)).toEqual(['pending']);

    // The hub comes back: every change goes, signed by its own officer, under r.dekker's credential.
    await hub.restart();
    const settled = () => store.sqlite.prepare<[], number>("SELECT count(*) FROM outbox WHERE state = 'pending'").pluck().get() === 0;
    await until('the outbox is empty', settled, () => workstation.context.sync.wake());
    expect(outboxOf('j.devries').map((row) => row.state)).toEqual(['acked']);
    expect(outboxOf('r.dekker').map((row) => row.state)).toEqual(['acked']);
    expect(outboxOf(LEAVER).map((row) => row.state)).toEqual(['rejected']);
    // The hub, back, takes r.dekker's credential: no longer offline, and every window is told.
    await until('r.dekker is no longer marked offline', async () => (await value('session.get', {})).offline === false);
    expect(await value('session.get', {})).toMatchObject({ officer: { id: 'r.dekker' }, offline: false });

    // The leaver's change is in the hub's refused list for supervisors, with why.
    const refused = await fetch(`${hub.url}/v1/refused`, { headers: { authorization: `Bearer ${hub.tokens.credentials['r.dekker']}` } });
    expect(refused.status).toBe(200);
    const leaverMutation = outboxOf(LEAVER)[0]!.mutationId;
    expect(((await refused.json()) as RefusedChangesResponse).refused).toContainEqual(
      expect.objectContaining({ mutationId: leaverMutation, officer: LEAVER, kind: 'case.create', reason: expect.stringMatching(/deactivated/) as unknown }),
    );

    // The hub's rows: each change under its own officer, with that officer's key from this station.
    const keyOf = (officer: string) => (JSON.parse(outboxOf(officer)[0]!.proof!) as { keyId: string }).keyId;
    const rows = await withHubDatabase((db) => db.select({ id: mutations.id, officer: mutations.officer, kind: mutations.kind, keyId: mutations.proofKeyId, payload: mutations.payload }).from(mutations));
    await hub.restart();
    const caseRows = rows.filter((row) => row.kind === 'case.create');
    expect(caseRows.map(({ officer, keyId, payload }) => ({ officer, keyId, caseId: (payload as { caseId: string }).caseId })).sort((a, b) => a.officer.localeCompare(b.officer))).toEqual([
      { officer: 'j.devries', keyId: keyOf('j.devries'), caseId: devriesCase },
      { officer: 'r.dekker', keyId: keyOf('r.dekker'), caseId: dekkerCase },
    ]);
    expect(keyOf('j.devries')).not.toBe(keyOf('r.dekker'));
    expect(rows.map((row) => row.id)).not.toContain(leaverMutation);
  }, 180_000);

  it('refuses without the hub a wrong credential, an officer never signed in here, a proof too old and a deactivated officer', async () => {
    // Signing out reconnects sync (with the station's token), which copies the hub's registry at once.
    await value('session.signOut', {});
    await until('the station knows the leaver is deactivated', () => store.sqlite.prepare<[string], number>('SELECT active FROM officers WHERE id = ?').pluck().get(LEAVER) === 0);
    // The hub itself says the leaver is deactivated: their cached proof goes.
    expect(cachedProofs()).toContain(LEAVER);
    expect(await signIn(LEAVER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/deactivated/) as unknown } });
    expect(cachedProofs()).toEqual(['j.devries', 'r.dekker']);
    await hub.stop();

    const refusals: Array<[string, () => Promise<ApiResult<unknown>>, string, RegExp]> = [
      ['a wrong credential', () => signIn('j.devries', hub.tokens.credentials['r.dekker']), 'UNAUTHENTICATED', /this is not the credential "j.devries" last signed in with here, or "j.devries" never signed in here with the hub/],
      ['an officer never signed in here', () => call('session.signIn', { officerId: 's.bakker', credential: hub.tokens.credentials['j.devries'] }), 'UNAUTHENTICATED', /this is not the credential "s.bakker" last signed in with here, or "s.bakker" never signed in here with the hub/],
      ['a deactivated officer', () => signIn(LEAVER), 'FORBIDDEN', /"agent.weg" has been deactivated/],
    ];
    for (const [what, attempt, code, message] of refusals) {
      expect(await attempt(), what).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) as unknown } });
    }
    expect(await value('session.get', {})).toEqual({ officer: null, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null });

    // The honest twin, then the same credential fifteen days later.
    expect(await signIn('j.devries')).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' }, offline: true } });
    await value('session.signOut', {});
    clock.skip(15 * DAY_MS);
    expect(await signIn('j.devries')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/counts for 14 days/) as unknown } });
    expect(await value('session.get', {})).toMatchObject({ officer: null });
    clock.skip(-15 * DAY_MS);
  }, 120_000);

  it('signs out an officer signed in offline whom the hub, back, no longer takes', async () => {
    expect(await signIn('j.devries')).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' }, offline: true } });
    await withHubDatabase((db) => deactivateOfficer(db, 'j.devries'));
    await hub.restart();
    // Their credential keeps sync from going online; the hub's refusal is news, on which it is asked about them.
    await until('j.devries is signed out', () => workstation.context.session.current() === null, () => workstation.context.sync.wake());
    expect(cachedProofs()).toEqual(['r.dekker']);
    expect(createSettingsFile(settingsPath).read().officerId).toBeNull();
    expect(secrets.get('hub-token')).toBeNull();
    expect(await call('case.create', { title: 'na deactivering', reportIds: [] })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  }, 120_000);
});
