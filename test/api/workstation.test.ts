import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../shared/api/wire';
import { dispatch } from '../../src-main/api/dispatch';
import { appPathsIn } from '../../src-main/app/app-paths';
import { claimStoreFor } from '../../src-main/app/demo-store';
import { openAppStore } from '../../src-main/app/open-app-store';
import { createFileSecretStore } from '../../src-main/app/secrets';
import { startWorkstation } from '../../src-main/app/workstation';
import { openCaseStore } from '../../src-main/app/open-case-store';
import { systemClock } from '../../shared/platform/clock';
import { tempDir } from '../support/temp-store';
import { retentionNeverDue } from '../support/retention-timers';
import { ownAppStoreWithReports } from '../support/own-app-store';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

const until = async (check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('the workstation in demo mode', () => {
  it('runs an embedded hub fed with generated reports, syncs them into an encrypted store, and keeps real hubs out', async () => {
    const paths = appPathsIn(tempDir());
    const secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    const store = openAppStore(paths, secrets, {}, systemClock, 'demo');
    const workstation = await startWorkstation({ store, paths, secrets, env: {}, logger: silent, demo: true, demoFeed: { initialBatch: 25, intervalMs: 600_000 } });
    const { context } = workstation;
    const heard: EventMessage[] = [];
    context.events.subscribe((message) => heard.push(message));
    const call = async (method: string, params: unknown) => {
      const result = await dispatch(method, params, context);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as Record<string, unknown>;
    };
    try {
      expect(await call('session.get', {})).toMatchObject({ demo: true, officer: { id: 'l.vermeer', role: 'supervisor' } });
      const queue = { filters: {}, sort: { key: 'receivedAt', direction: 'desc' }, offset: 0, limit: 5 };
      await until(async () => ((await call('queue.list', queue)).total as number) > 0, 'generated reports to arrive');
      // The event follows the page's commit (a slice later under load), so it is awaited, not expected at once.
      await until(() => heard.some((message) => message.event === 'reports.changed'), 'the windows to hear of the new reports', 10_000);
      expect(await call('sync.state', {})).toMatchObject({ configured: true, online: true, lastError: null });

      // Keys and tokens stay in an owner-only file; the store cannot be read without its key.
      expect(statSync(paths.secretsPath).mode & 0o777).toBe(0o600);
      expect(Object.keys(JSON.parse(readFileSync(paths.secretsPath, 'utf8')) as object).sort()).toEqual(['demo-intake-token', 'demo-workstation-token', 'store-key']);
      expect(() => openCaseStore({ clock: systemClock, path: paths.storePath })).toThrow(/encrypted/);

      // A real hub's reports would mix with generated ones: the demo refuses one, and stays the demo.
      const switched = await dispatch('settings.set', { hubUrl: 'http://127.0.0.1:9', hubToken: 'pzh_elsewhere' }, context);
      expect(switched).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/only with its own embedded hub/) as unknown } });
      expect(await call('session.get', {})).toMatchObject({ demo: true });
      expect(await call('settings.get', {})).toMatchObject({ hubUrl: null });
    } finally {
      await workstation.close();
      store.close();
    }
  }, 120_000);
});

describe('a store of your own', () => {
  it('is never opened as the demo: no generated report is written into it', async () => {
    const { paths, secrets, store } = await ownAppStoreWithReports();
    const before = store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get();
    try {
      await expect(startWorkstation({ store, paths, secrets, env: {}, logger: silent, demo: true })).rejects.toThrow(/not a demo store/);
      expect(store.sqlite.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(before);
      expect(existsSync(paths.embeddedHubDir)).toBe(false);
    } finally {
      store.close();
    }
  });

  it('works offline on its own reports when no hub is named, without an embedded hub', async () => {
    const { paths, secrets, store } = await ownAppStoreWithReports();
    const workstation = await startWorkstation({ store, paths, secrets, env: {}, logger: silent, demo: false, timers: retentionNeverDue });
    try {
      const result = await dispatch('session.get', {}, workstation.context);
      expect(result).toMatchObject({ ok: true, value: { demo: false } });
      expect(await dispatch('sync.state', {}, workstation.context)).toMatchObject({ ok: true, value: { configured: false, online: false } });
      expect(existsSync(paths.embeddedHubDir)).toBe(false);
    } finally {
      await workstation.close();
      store.close();
    }
  });

  it('is not confused with a demo store: a store made for the demo is refused as an own store', async () => {
    const paths = appPathsIn(tempDir());
    const secrets = createFileSecretStore(paths.secretsPath, { keepsStoreKey: true });
    const store = openAppStore(paths, secrets, {}, systemClock, 'own');
    try {
      claimStoreFor(store.sqlite, 'demo', new Date());
      await expect(startWorkstation({ store, paths, secrets, env: {}, logger: silent, demo: false })).rejects.toThrow(/made for the demo/);
      // Its honest twin: the demo opens it again.
      expect(() => claimStoreFor(store.sqlite, 'demo', new Date())).not.toThrow();
    } finally {
      store.close();
    }
  });
});
