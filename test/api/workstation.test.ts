import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../shared/api/wire';
import { dispatch } from '../../src-main/api/dispatch';
import { appPathsIn } from '../../src-main/app/app-paths';
import { openAppStore } from '../../src-main/app/open-app-store';
import { createFileSecretStore } from '../../src-main/app/secrets';
import { startWorkstation } from '../../src-main/app/workstation';
import { openStore } from '../../src-main/db/open-store';
import { systemClock } from '../../src-main/platform/clock';
import { tempDir } from '../support/temp-store';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

const until = async (check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('the workstation in demo mode', () => {
  it('runs an embedded hub fed with generated reports, syncs them into an encrypted store, and can switch to a real hub', async () => {
    const paths = appPathsIn(tempDir());
    const secrets = createFileSecretStore(paths.secretsPath);
    const store = openAppStore(paths, secrets, {}, systemClock);
    const workstation = await startWorkstation({ store, paths, secrets, env: {}, logger: silent, demoFeed: { initialBatch: 25, intervalMs: 600_000 } });
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
      expect(heard.some((message) => message.event === 'reports.changed')).toBe(true);
      expect(await call('sync.state', {})).toMatchObject({ configured: true, online: true, lastError: null });

      // Keys and tokens stay in an owner-only file; the store cannot be read without its key.
      expect(statSync(paths.secretsPath).mode & 0o777).toBe(0o600);
      expect(Object.keys(JSON.parse(readFileSync(paths.secretsPath, 'utf8')) as object).sort()).toEqual(['demo-intake-token', 'demo-workstation-token', 'store-key']);
      expect(() => openStore({ path: paths.storePath })).toThrow(/encrypted/);

      const switched = await call('settings.set', { hubUrl: 'http://127.0.0.1:9', hubToken: 'pzh_elsewhere' });
      expect(switched).toMatchObject({ hubUrl: 'http://127.0.0.1:9', hubTokenSet: true });
      expect(await call('session.get', {})).toMatchObject({ demo: false });
      expect(await call('sync.state', {})).toMatchObject({ configured: true });
    } finally {
      await workstation.close();
      store.close();
    }
  }, 120_000);
});
