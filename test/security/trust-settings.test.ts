/**
 * The settings that decide whom the workstation trusts, tried as someone at the keyboard of a shared station whose
 * store already holds its hub's reports: nobody signed in, an officer, or a supervisor's locked screen cannot
 * change the hub's certificate authority, token or regions, nor make the idle lock longer. The honest twins: a
 * signed-in supervisor can, any officer can shorten the idle time or change the language, and a store that never
 * synced is set up by whoever installs it (test/security/hub-address.test.ts sets its CA with nobody signed in).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/platform/clock';
import { dispatch } from '../../src-main/api/dispatch';
import { appPathsIn } from '../../src-main/app/app-paths';
import { openAppStore } from '../../src-main/app/open-app-store';
import { createFileSecretStore } from '../../src-main/app/secrets';
import { startWorkstation } from '../../src-main/app/workstation';
import { readCursor, START_CURSOR } from '../../src-main/db/sync-cursor';
import { filedRecord } from '../support/records';
import { tempDir } from '../support/temp-store';
import { startSyncHub, type SyncHub } from '../sync/support/sync-hub';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SUPERVISOR_ONLY = /^Only a signed-in supervisor can change .* on a workstation that holds its hub’s reports\./;

describe('settings that decide whom the workstation trusts, on a store that holds its hub’s reports', () => {
  let hubDir: string;
  let hub: SyncHub;
  beforeAll(async () => {
    hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-trust-settings-'));
    hub = await startSyncHub(hubDir);
    await hub.post([filedRecord()]);
  });
  afterAll(async () => {
    await hub?.close();
    rmSync(hubDir, { recursive: true, force: true });
  });

  /** A workstation of this hub that has pulled its reports, nobody signed in yet. */
  async function boundStation(at: SyncHub = hub) {
    const dir = tempDir();
    const paths = appPathsIn(dir);
    const secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    const store = openAppStore(paths, secrets, {}, systemClock, 'own');
    const workstation = await startWorkstation({ store, paths, secrets, env: {}, logger: silent, demo: false, launch: { hubUrl: at.url, hubToken: at.tokens.workstations[0]! } });
    for (let waited = 0; readCursor(store.sqlite) === START_CURSOR; waited += 100) {
      if (waited > 30_000) throw new Error('the workstation never pulled from its hub');
      await sleep(100);
    }
    const caFile = join(dir, 'force-ca.pem');
    writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const call = (method: string, params: unknown) => dispatch(method, params, workstation.context);
    const signIn = async (officerId: 'j.devries' | 'r.dekker') =>
      expect(await call('session.signIn', { officerId, credential: at.tokens.credentials[officerId] })).toMatchObject({ ok: true });
    return {
      call,
      caFile,
      secrets,
      signIn,
      async close() {
        await workstation.close();
        store.close();
      },
    };
  }

  it('refuses them while nobody is signed in, saying who may change them; the language stays open', async () => {
    const station = await boundStation();
    try {
      expect(await station.call('settings.get', {})).toMatchObject({ ok: true, value: { supervisorGuarded: true, hubCaFile: null } });
      for (const change of [{ hubCaFile: station.caFile }, { hubToken: 'pzh_of_my_own' }, { scope: 'Oost-Brabant' }, { idleLockMinutes: 60 }]) {
        expect(await station.call('settings.set', change), JSON.stringify(change)).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN', message: expect.stringMatching(new RegExp(`${SUPERVISOR_ONLY.source}.*Nobody is signed in: ask a supervisor`)) as unknown },
        });
      }
      expect(await station.call('settings.get', {})).toMatchObject({ ok: true, value: { hubCaFile: null, hubTokenSet: true, scope: '*', idleLockMinutes: 15 } });
      expect(await station.call('settings.set', { language: 'en' })).toMatchObject({ ok: true, value: { language: 'en' } });
    } finally {
      await station.close();
    }
  }, 60_000);

  it('refuses them to an officer; the officer still shortens the idle time and changes the language', async () => {
    const station = await boundStation();
    try {
      await station.signIn('j.devries');
      expect(await station.call('settings.set', { hubCaFile: station.caFile })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringMatching(/certificate authority file .*Hoofdagent J\. de Vries is not a supervisor/) as unknown },
      });
      expect(await station.call('settings.set', { idleLockMinutes: 16 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/a longer idle time/) as unknown } });
      // The form sends every hub field; unchanged ones are no change.
      expect(await station.call('settings.set', { hubUrl: hub.url, scope: '*', hubCaFile: null, language: 'en' })).toMatchObject({ ok: true, value: { language: 'en', hubTokenSet: true } });
      expect(await station.call('settings.set', { idleLockMinutes: 5 })).toMatchObject({ ok: true, value: { idleLockMinutes: 5 } });
      expect(await station.call('settings.get', {})).toMatchObject({ ok: true, value: { hubCaFile: null, idleLockMinutes: 5 } });
    } finally {
      await station.close();
    }
  }, 60_000);

  it('refuses them on a supervisor’s locked screen, and lets the supervisor change them once unlocked', async () => {
    const station = await boundStation();
    try {
      await station.signIn('r.dekker');
      expect(await station.call('session.lock', {})).toMatchObject({ ok: true, value: { locked: true } });
      expect(await station.call('settings.set', { hubCaFile: station.caFile })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/The screen is locked/) as unknown } });
      expect(await station.call('session.unlock', { credential: hub.tokens.credentials['r.dekker'] })).toMatchObject({ ok: true, value: { locked: false } });

      expect(await station.call('settings.set', { idleLockMinutes: 45 })).toMatchObject({ ok: true, value: { idleLockMinutes: 45 } });
      expect(await station.call('settings.set', { scope: 'Oost-Brabant' })).toMatchObject({ ok: true, value: { scope: 'Oost-Brabant' } });
      // Another CA forgets the credential, as it does for anyone (hub-address.test.ts); the station's launch token stays.
      expect(station.secrets.get('hub-token')).toBe(hub.tokens.credentials['r.dekker']);
      expect(await station.call('settings.set', { hubCaFile: station.caFile })).toMatchObject({ ok: true, value: { hubCaFile: station.caFile } });
      expect(station.secrets.get('hub-token')).toBeNull();
    } finally {
      await station.close();
    }
  }, 60_000);

  it('refuses them to a supervisor signed in without the hub (a cached credential or offline code proves too little), beside the same supervisor signed in with it', async () => {
    const ownDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-trust-offline-'));
    const ownHub = await startSyncHub(ownDir);
    let station: Awaited<ReturnType<typeof boundStation>> | null = null;
    try {
      await ownHub.post([filedRecord()]);
      station = await boundStation(ownHub);
      await station.signIn('r.dekker');
      expect(await station.call('settings.set', { idleLockMinutes: 45 })).toMatchObject({ ok: true, value: { idleLockMinutes: 45 } });
      expect(await station.call('session.signOut', {})).toMatchObject({ ok: true });
      await ownHub.close();
      expect(await station.call('session.signIn', { officerId: 'r.dekker', credential: ownHub.tokens.credentials['r.dekker'] })).toMatchObject({ ok: true, value: { offline: true } });
      for (const change of [{ hubCaFile: station.caFile }, { scope: 'Oost-Brabant' }, { idleLockMinutes: 60 }]) {
        expect(await station.call('settings.set', change), JSON.stringify(change)).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN', message: expect.stringMatching(/signed in without the hub \(offline\), which proves too little/) as unknown },
        });
      }
      expect(await station.call('settings.get', {})).toMatchObject({ ok: true, value: { hubCaFile: null, scope: '*', idleLockMinutes: 45 } });
    } finally {
      await station?.close();
      await ownHub.close().catch(() => undefined);
      rmSync(ownDir, { recursive: true, force: true });
    }
  }, 90_000);
});
