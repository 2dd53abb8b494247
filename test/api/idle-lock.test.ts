/**
 * The idle lock, tried as someone at a workstation left alone would: while the screen is locked the core refuses
 * every officer-bound call, whatever the window does; only the locked officer's own credential (checked as at
 * sign-in) unlocks it, and another officer may sign in instead. With a real hub the core locks by itself when the
 * window reports no activity for the idle time, so a window whose timer was stopped does not keep it open.
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
import { startWorkstation } from '../../src-main/app/workstation';
import { startSyncHub, type SyncHub } from '../sync/support/sync-hub';
import { tempDir } from '../support/temp-store';
import { retentionNeverDue } from '../support/retention-timers';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const MINUTE = 60_000;
const QUEUE = { filters: {}, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 5 };
const OFFICER_BOUND: [string, unknown][] = [
  ['queue.list', QUEUE],
  // Nor can a passer-by change the settings (the idle time, the hub).
  ['settings.set', { language: 'nl' }],
  ['note.add', { subjectType: 'report', subjectId: 'IA-2026-0000001', body: 'gebeld met melder' }],
  ['case.create', { title: 'Helpdeskfraude', reportIds: [] }],
  ['benign.add', { type: 'phone', value: '+31201234567', reason: 'nummer van de gemeente' }],
];

describe('the idle lock on a workstation with a real hub', () => {
  let hubDir: string;
  let hub: SyncHub;
  beforeAll(async () => {
    hubDir = mkdtempSync(join(tmpdir(), 'puzzelstuk-idle-lock-'));
    hub = await startSyncHub(hubDir);
  });
  afterAll(async () => {
    await hub?.close();
    rmSync(hubDir, { recursive: true, force: true });
  });

  /** A workstation of this hub with j.devries signed in, and a monotonic clock the test moves. */
  async function signedIn() {
    const paths = appPathsIn(tempDir());
    const secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    const store = openAppStore(paths, secrets, {}, systemClock, 'own');
    let nowMs = 0;
    const workstation = await startWorkstation({ store, paths, secrets, env: {}, logger: silent, demo: false, timers: retentionNeverDue, monotonicMs: () => nowMs, launch: { hubUrl: hub.url, hubToken: hub.tokens.workstations[0]! } });
    const call = (method: string, params: unknown) => dispatch(method, params, workstation.context);
    const lockEvents: unknown[] = [];
    workstation.context.events.subscribe((message) => {
      if (message.event === 'session.locked') lockEvents.push(message.payload);
    });
    expect(await call('session.signIn', { officerId: 'j.devries', credential: hub.tokens.credentials['j.devries'] })).toMatchObject({ ok: true });
    return {
      call,
      pass: (ms: number) => void (nowMs += ms),
      lockEvents,
      async expectLocked(locked: boolean) {
        for (const [method, params] of OFFICER_BOUND) {
          const answer = await call(method, params);
          if (locked) expect(answer, method).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/The screen is locked: .* unlocks it with their credential/) as unknown } });
          else expect(answer, method).not.toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
        }
        expect(await call('session.get', {})).toMatchObject({ ok: true, value: { locked, officer: { id: 'j.devries' } } });
      },
      async close() {
        await workstation.close();
        store.close();
      },
    };
  }

  it('refuses every officer-bound call while locked, and unlocks only with the same officer’s own credential', async () => {
    const station = await signedIn();
    try {
      await station.expectLocked(false);
      expect(await station.call('session.lock', {})).toMatchObject({ ok: true, value: { locked: true, officer: { id: 'j.devries' } } });
      await station.expectLocked(true);

      const wrong = await station.call('session.unlock', { credential: `pzh_${'A'.repeat(43)}` });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/does not accept this credential/) as unknown } });
      expect(await station.call('session.unlock', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      // Another officer's valid credential does not unlock j.devries's screen.
      expect(await station.call('session.unlock', { credential: hub.tokens.credentials['r.dekker'] })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/not the credential of "j.devries"/) as unknown } });
      await station.expectLocked(true);

      // The honest twin: their own credential opens it.
      expect(await station.call('session.unlock', { credential: hub.tokens.credentials['j.devries'] })).toMatchObject({ ok: true, value: { locked: false, officer: { id: 'j.devries' } } });
      await station.expectLocked(false);
    } finally {
      await station.close();
    }
  }, 60_000);

  it('lets another officer sign in on the locked screen (a shift change)', async () => {
    const station = await signedIn();
    try {
      await station.call('session.lock', {});
      expect(await station.call('session.signIn', { officerId: 'r.dekker', credential: hub.tokens.credentials['r.dekker'] })).toMatchObject({ ok: true, value: { locked: false, officer: { id: 'r.dekker' } } });
      expect(await station.call('queue.list', QUEUE)).toMatchObject({ ok: true });
    } finally {
      await station.close();
    }
  }, 60_000);

  it('locks in the core when the window reported no activity for the idle time, whatever the window’s timer does', async () => {
    const station = await signedIn();
    try {
      // Reported activity keeps it open (the honest twin): 45 minutes, used every 10.
      for (let i = 0; i < 3; i++) {
        station.pass(10 * MINUTE);
        expect(await station.call('session.activity', {})).toEqual({ ok: true, value: null });
        station.pass(5 * MINUTE);
      }
      await station.expectLocked(false);

      // Calls without activity (a page script, or refreshes on arriving reports) do not: 15 minutes after the last
      // activity and the minute's grace, it locks.
      station.pass(11 * MINUTE);
      await station.expectLocked(false);
      station.pass(1);
      await station.expectLocked(true);
      // Every window is told, so it shows the lock screen too.
      expect(station.lockEvents).toEqual([{ locked: true }]);
      // Activity reported once locked does not unlock it.
      expect(await station.call('session.activity', {})).toMatchObject({ ok: true });
      await station.expectLocked(true);
      expect(await station.call('session.unlock', { credential: hub.tokens.credentials['j.devries'] })).toMatchObject({ ok: true, value: { locked: false } });
      expect(station.lockEvents).toEqual([{ locked: true }, { locked: false }]);
    } finally {
      await station.close();
    }
  }, 60_000);

  it('takes the idle time from the settings, 1 to 60 minutes and never off', async () => {
    const station = await signedIn();
    try {
      for (const minutes of [0, 61, 2.5]) {
        expect(await station.call('settings.set', { idleLockMinutes: minutes }), String(minutes)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/idleLockMinutes/) as unknown } });
      }
      // A shorter time is any officer's to set (a longer one a supervisor's: test/security/trust-settings.test.ts).
      expect(await station.call('settings.set', { idleLockMinutes: 10 })).toMatchObject({ ok: true, value: { idleLockMinutes: 10 } });
      expect(await station.call('session.get', {})).toMatchObject({ ok: true, value: { idleLockMinutes: 10 } });
      station.pass(8 * MINUTE);
      await station.expectLocked(false);
      station.pass(3 * MINUTE + 1);
      await station.expectLocked(true);
    } finally {
      await station.close();
    }
  }, 60_000);
});
