/**
 * With a real hub the workstation opens only after an officer proves who they are: nobody is signed in at start
 * (whatever PUZZELSTUK_OFFICER or the settings name), and the core refuses every officer-bound call until then.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/platform/clock';
import { dispatch } from '../../src-main/api/dispatch';
import { appPathsIn } from '../../src-main/app/app-paths';
import { openAppStore } from '../../src-main/app/open-app-store';
import { createFileSecretStore } from '../../src-main/app/secrets';
import { createSettingsFile, DEFAULT_SETTINGS } from '../../src-main/app/settings-file';
import { startWorkstation } from '../../src-main/app/workstation';
import { startSyncHub, type SyncHub } from '../sync/support/sync-hub';
import { tempDir } from '../support/temp-store';
import { retentionNeverDue } from '../support/retention-timers';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('a workstation with a real hub', () => {
  let hubDir: string;
  let hub: SyncHub;
  beforeAll(async () => {
    hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-sign-in-required-'));
    hub = await startSyncHub(hubDir);
  });
  afterAll(async () => {
    await hub?.close();
    rmSync(hubDir, { recursive: true, force: true });
  });

  async function started() {
    const paths = appPathsIn(tempDir());
    const secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    // The last officer is remembered in the settings and the environment names a supervisor: neither counts.
    createSettingsFile(paths.settingsPath).write({ ...DEFAULT_SETTINGS, officerId: 'l.vermeer' });
    const store = openAppStore(paths, secrets, {}, systemClock, 'own');
    const workstation = await startWorkstation({
      store,
      paths,
      secrets,
      env: { PUZZELSTUK_OFFICER: 'l.vermeer' },
      logger: silent,
      demo: false, timers: retentionNeverDue,
      launch: { hubUrl: hub.url, hubToken: hub.tokens.workstations[0]! },
    });
    const call = (method: string, params: unknown) => dispatch(method, params, workstation.context);
    return {
      call,
      async close() {
        await workstation.close();
        store.close();
      },
    };
  }

  it('starts with nobody signed in and refuses officer-bound calls, though the settings and the environment name an officer', async () => {
    const station = await started();
    try {
      expect(await station.call('session.get', {})).toEqual({ ok: true, value: { officer: null, demo: false, offline: false, locked: false, idleLockMinutes: 15, offlineCode: null } });
      const attempts: [string, unknown][] = [
        ['queue.list', { filters: {}, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 5 }],
        ['benign.add', { type: 'phone', value: '+31201234567', reason: 'nummer van de gemeente' }],
        ['case.create', { title: 'Helpdeskfraude', reportIds: [] }],
        ['note.add', { subjectType: 'report', subjectId: 'r-1', body: 'gebeld met melder' }],
      ];
      for (const [method, params] of attempts) {
        expect(await station.call(method, params), method).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/Nobody is signed in/) as unknown } });
      }
    } finally {
      await station.close();
    }
  }, 60_000);

  it('opens for the officer who signs in with their credential (the honest twin)', async () => {
    const station = await started();
    try {
      const signedIn = await station.call('session.signIn', { officerId: 'j.devries', credential: hub.tokens.credentials['j.devries'] });
      expect(signedIn).toMatchObject({ ok: true, value: { officer: { id: 'j.devries' }, demo: false } });
      expect(await station.call('session.get', {})).toMatchObject({ ok: true, value: { officer: { id: 'j.devries', role: 'officer' } } });
      expect(await station.call('queue.list', { filters: {}, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 5 })).toMatchObject({ ok: true });
    } finally {
      await station.close();
    }
  }, 60_000);
});
